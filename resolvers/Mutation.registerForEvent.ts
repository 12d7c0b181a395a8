import { util, type Context } from '@aws-appsync/utils';
import type { Event, MutationRegisterForEventArgs } from '../generated/graphql';
import { signedInCaller } from './lib/caller';
import { clientTokenUse, validateClientToken } from './lib/client-token';
import type { ValidationFailure } from './lib/errors';
import { eventWithRegistration, type StoredRegistration } from './lib/registrations';
import { assertValid, validateEventId } from './lib/validation';

// Pipeline: readRegistrationContext → takeSeat → joinWaitlist → settleLostWrite.
// The user is always the token's `sub`: nothing in the input can name another.
// The result is the event (Event, as onEventChanged delivers it), the
// registration in myRegistration.

export function request(ctx: Context<MutationRegisterForEventArgs>) {
  const caller = signedInCaller(ctx);
  if (!caller) {
    util.unauthorized();
  }
  const failures: ValidationFailure[] = [];
  validateEventId('eventId', ctx.args.eventId, failures);
  validateClientToken(ctx.args.clientToken, failures);
  assertValid(failures);
  const now = util.time.nowISO8601();
  const registration: Omit<StoredRegistration, 'status'> = {
    eventId: ctx.args.eventId,
    userId: caller.sub,
    createdAt: now,
    updatedAt: now,
  };
  ctx.stash.registration = registration;
  if (typeof ctx.args.clientToken === 'string') {
    ctx.stash.clientToken = clientTokenUse(caller.sub, 'registerForEvent', ctx.args.clientToken, {
      eventId: ctx.args.eventId,
    });
  }
  return {};
}

export function response(ctx: Context<MutationRegisterForEventArgs>): Event {
  return eventWithRegistration(ctx.stash.event, ctx.prev.result);
}
