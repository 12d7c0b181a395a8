import { runtime, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { signedInCaller } from './lib/caller';
import { raiseInternalError } from './lib/errors';
import { registrationKey, toRegistration, type RegistrationSource } from './lib/registrations';

// The caller's own registration; API-key callers have none (and read nothing).
// registerForEvent and cancelRegistration hand down the registration they
// wrote: it is the caller's, and a cancelled one is no longer stored.

export function request(ctx: Context) {
  if (ctx.source.myRegistration !== undefined) {
    return runtime.earlyReturn(ctx.source.myRegistration);
  }
  const caller = signedInCaller(ctx);
  if (!caller) {
    return runtime.earlyReturn(null);
  }
  return get({ key: registrationKey(ctx.source.eventId, caller.sub), consistentRead: true });
}

export function response(ctx: Context): RegistrationSource | null {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  return ctx.result ? toRegistration(ctx.result) : null;
}
