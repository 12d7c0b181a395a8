import { type Context } from '@aws-appsync/utils';
import { batchGet } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationRegisterForEventArgs } from '../../generated/graphql';
import { SEATS_SORT_KEY } from '../../model/registrations-table';
import { maySee, signedInCaller } from '../lib/caller';
import { raiseInternalError, raiseNotFound, raiseRegistrationClosed, raiseSeatsBusy } from '../lib/errors';
import {
  eventKey,
  OPEN_STATUSES,
  registrationKey,
  seatsKey,
  seatsOf,
  tableNames,
  toRegistration,
  type Seats,
  type StoredRegistration,
} from '../lib/registrations';

// First step of registerForEvent: one consistent read of the event, its seat
// counters and the caller's registration. It picks the likely write (a seat,
// or the waitlist) and answers a repeat at once; the write that follows is
// still conditioned on all of it, so a stale read can never oversell.

export function request(ctx: Context<MutationRegisterForEventArgs>) {
  const tables = tableNames(ctx);
  const { eventId, userId } = ctx.stash.registration;
  return batchGet({
    tables: {
      [tables.events]: { keys: [eventKey(eventId)], consistentRead: true },
      [tables.registrations]: { keys: [seatsKey(eventId), registrationKey(eventId, userId)], consistentRead: true },
    },
  });
}

export function response(ctx: Context<MutationRegisterForEventArgs>) {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const tables = tableNames(ctx);
  const unprocessed = ctx.result.unprocessedKeys || {};
  if (Object.keys(unprocessed).some((table) => (unprocessed[table] || []).length > 0)) {
    raiseSeatsBusy(ctx.args.eventId);
  }
  const event: Event | null = (ctx.result.data[tables.events] || []).find((item: Event | null) => !!item) || null;
  if (!event || !maySee(signedInCaller(ctx), event)) {
    raiseNotFound(ctx.args.eventId);
  }
  const items: ({ sk: string } & Partial<Seats> | null)[] = ctx.result.data[tables.registrations] || [];
  const seatsItem = items.find((item) => !!item && item.sk === SEATS_SORT_KEY);
  const existing = items.find((item) => !!item && item.sk !== SEATS_SORT_KEY);
  if (existing) {
    ctx.stash.result = toRegistration(existing as unknown as StoredRegistration);
    return ctx.stash.result;
  }
  // with a clientToken the write decides: this may be the retry of a registration that succeeded
  if (OPEN_STATUSES.indexOf(event.status) < 0 && !ctx.stash.clientToken) {
    raiseRegistrationClosed(ctx.args.eventId);
  }
  ctx.stash.seats = seatsOf(seatsItem, event.capacity);
  return null;
}
