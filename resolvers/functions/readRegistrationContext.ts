import { type Context } from '@aws-appsync/utils';
import type { MutationRegisterForEventArgs } from '../../generated/graphql';
import { SEATS_SORT_KEY } from '../../model/registrations-table';
import { maySee, signedInCaller } from '../lib/caller';
import { raiseNotFound, raiseRegistrationClosed } from '../lib/errors';
import {
  eventAndItems,
  OPEN_STATUSES,
  readEventWith,
  registrationKey,
  seatsKey,
  seatsOf,
  toRegistration,
  type Seats,
  type StoredRegistration,
} from '../lib/registrations';

// First step of registerForEvent: one consistent read of the event, its seat
// counters and the caller's registration. It picks the likely write (a seat,
// or the waitlist) and answers a repeat at once; the write that follows is
// still conditioned on all of it, so a stale read can never oversell.

export function request(ctx: Context<MutationRegisterForEventArgs>) {
  const { eventId, userId } = ctx.stash.registration;
  return readEventWith(ctx, eventId, [seatsKey(eventId), registrationKey(eventId, userId)]);
}

export function response(ctx: Context<MutationRegisterForEventArgs>) {
  const { event, items } = eventAndItems(ctx, ctx.args.eventId);
  if (!event || !maySee(signedInCaller(ctx), event)) {
    raiseNotFound(ctx.args.eventId);
  }
  ctx.stash.event = event;
  const seatsItem = items.find((item) => item.sk === SEATS_SORT_KEY);
  const existing = items.find((item) => item.sk !== SEATS_SORT_KEY);
  if (existing) {
    ctx.stash.result = toRegistration(existing as unknown as StoredRegistration);
    return ctx.stash.result;
  }
  // with a clientToken the write decides: this may be the retry of a registration that succeeded
  if (OPEN_STATUSES.indexOf(event.status) < 0 && !ctx.stash.clientToken) {
    raiseRegistrationClosed(ctx.args.eventId);
  }
  ctx.stash.seats = seatsOf(seatsItem as Partial<Seats> | undefined, event.capacity);
  return null;
}
