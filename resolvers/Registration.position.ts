import { runtime, type Context } from '@aws-appsync/utils';
import { raiseInternalError } from './lib/errors';
import { countWaitlistUpTo } from './lib/registrations';

// A waitlisted registration's place in line, counted when asked rather than
// stored, so a cancellation ahead moves everyone up without rewriting anyone.
// listRegistrations counts once per page and hands the positions down.

export function request(ctx: Context) {
  const source = ctx.source;
  if (source.status !== 'WAITLISTED' || !source.waitlistKey) {
    return runtime.earlyReturn(null);
  }
  if (typeof source.position === 'number') {
    return runtime.earlyReturn(source.position);
  }
  return countWaitlistUpTo(source.eventId, source.waitlistKey);
}

export function response(ctx: Context): number {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  return ctx.result.scannedCount;
}
