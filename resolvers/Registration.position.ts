import { runtime, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { WAITLIST_SORT_KEY_PREFIX } from '../model/registrations-table';
import { raiseInternalError } from './lib/errors';
import { MAX_WAITLIST } from './lib/registrations';

// A waitlisted registration's place in line: how many entries sort up to its
// own. Counted when asked rather than stored, so a cancellation ahead moves
// everyone up without rewriting anyone. Waitlist entries hold nothing but
// their keys, so a filter on any other attribute keeps none of them and
// DynamoDB sends back only how many it read (`scannedCount`); a filter may
// not name a key attribute.

export function request(ctx: Context) {
  const source = ctx.source;
  if (source.status !== 'WAITLISTED' || !source.waitlistKey) {
    return runtime.earlyReturn(null);
  }
  if (typeof source.position === 'number') {
    return runtime.earlyReturn(source.position);
  }
  return query({
    query: { pk: { eq: source.eventId }, sk: { between: [WAITLIST_SORT_KEY_PREFIX, source.waitlistKey] } },
    filter: { status: { attributeExists: true } },
    limit: MAX_WAITLIST,
    consistentRead: true,
  });
}

export function response(ctx: Context): number {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  return ctx.result.scannedCount;
}
