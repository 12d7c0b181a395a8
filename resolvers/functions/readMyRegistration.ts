import type { Context } from '@aws-appsync/utils';
import type { MutationCancelRegistrationArgs } from '../../generated/graphql';
import { raiseNotRegistered } from '../lib/errors';
import { eventAndItems, readEventWith, registrationKey, type StoredRegistration } from '../lib/registrations';

// First step of cancelRegistration: the caller's registration, and the event
// it is for, which the mutation returns with its new seat counts.

export function request(ctx: Context<MutationCancelRegistrationArgs>) {
  return readEventWith(ctx, ctx.args.eventId, [registrationKey(ctx.args.eventId, ctx.stash.userId)]);
}

export function response(ctx: Context<MutationCancelRegistrationArgs>): StoredRegistration {
  const { event, items } = eventAndItems(ctx, ctx.args.eventId);
  const current = items[0] as unknown as StoredRegistration | undefined;
  // an event with registrations cannot be deleted, so a registration without its event is not one
  if (!event || !current) {
    raiseNotRegistered(ctx.args.eventId);
  }
  ctx.stash.event = event;
  ctx.stash.current = current;
  return current;
}
