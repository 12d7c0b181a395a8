import { runtime, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { signedInCaller } from './lib/caller';
import { raiseInternalError } from './lib/errors';
import { registrationKey, toRegistration, type RegistrationSource } from './lib/registrations';

// The caller's own registration; API-key callers have none (and read nothing).

export function request(ctx: Context) {
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
