import { util, type Context } from '@aws-appsync/utils';
import type { Event, MutationCancelRegistrationArgs } from '../generated/graphql';
import { signedInCaller } from './lib/caller';
import type { ValidationFailure } from './lib/errors';
import { eventWithRegistration } from './lib/registrations';
import { assertValid, validateEventId } from './lib/validation';

// Pipeline: readMyRegistration → readWaitlistHead → releaseSeat. Only the
// caller's own registration can be named: the user is the token's `sub`.
// The result is the event, the cancelled registration in myRegistration.

export function request(ctx: Context<MutationCancelRegistrationArgs>) {
  const caller = signedInCaller(ctx);
  if (!caller) {
    util.unauthorized();
  }
  const failures: ValidationFailure[] = [];
  validateEventId('eventId', ctx.args.eventId, failures);
  assertValid(failures);
  ctx.stash.userId = caller.sub;
  return {};
}

export function response(ctx: Context<MutationCancelRegistrationArgs>): Event {
  return eventWithRegistration(ctx.stash.event, ctx.prev.result);
}
