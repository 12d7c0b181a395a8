import type { Context } from '@aws-appsync/utils';
import { batchGet, get, query } from '@aws-appsync/utils/dynamodb';
import type { Event, EventStatus, Registration, RegistrationStatus } from '../../generated/graphql';
import { EVENTS_TABLE_ENV, REGISTRATIONS_TABLE_ENV } from '../../model/api-wiring';
import {
  REGISTRATION_SORT_KEY_PREFIX,
  SEATS_SORT_KEY,
  WAITLIST_SORT_KEY_PREFIX,
} from '../../model/registrations-table';
import { raiseInternalError, raiseSeatsBusy } from './errors';
import { deleteWrite, expression, updateWrite, type TransactWrite } from './transactions';

// The items of the registrations table (model/registrations-table.ts) and
// the conditions that keep seat accounting right.

/** Only these events take registrations. */
export const OPEN_STATUSES: EventStatus[] = ['PUBLISHED', 'ACTIVE'];

/**
 * The longest waitlist: a position is counted by one Query over the entries
 * before it, and one Query reads at most 1 MB (about 9,000 entries of ~110
 * bytes), so the waitlist stays well inside one page.
 */
export const MAX_WAITLIST = 5000;

/** The counters of one event: one item, so that one condition can hold them against capacity. */
export interface Seats {
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

/** A registration as stored: its GraphQL fields, plus where its waitlist entry is while WAITLISTED. */
export interface StoredRegistration {
  eventId: string;
  userId: string;
  status: RegistrationStatus;
  createdAt: string;
  updatedAt: string;
  waitlistKey?: string | null;
}

export function tableNames(ctx: Context) {
  return { events: ctx.env[EVENTS_TABLE_ENV], registrations: ctx.env[REGISTRATIONS_TABLE_ENV] };
}

export function eventKey(eventId: string) {
  return { eventId };
}

export function seatsKey(eventId: string) {
  return { pk: eventId, sk: SEATS_SORT_KEY };
}

export function registrationKey(eventId: string, userId: string) {
  return { pk: eventId, sk: REGISTRATION_SORT_KEY_PREFIX + userId };
}

/**
 * One consistent read of an event and some items of its registrations: the
 * registrations data source may read both tables.
 */
export function readEventWith(ctx: Context, eventId: string, registrationKeys: { pk: string; sk: string }[]) {
  const tables = tableNames(ctx);
  return batchGet({
    tables: {
      [tables.events]: { keys: [eventKey(eventId)], consistentRead: true },
      [tables.registrations]: { keys: registrationKeys, consistentRead: true },
    },
  });
}

/** What readEventWith read: the event (null when there is none) and the registration items that exist. */
export function eventAndItems(ctx: Context, eventId: string): { event: Event | null; items: ({ sk: string } & Record<string, unknown>)[] } {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const tables = tableNames(ctx);
  const unprocessed = ctx.result.unprocessedKeys || {};
  if (Object.keys(unprocessed).some((table) => (unprocessed[table] || []).length > 0)) {
    raiseSeatsBusy(eventId);
  }
  const event: Event | null = (ctx.result.data[tables.events] || []).find((item: Event | null) => !!item) || null;
  const items = (ctx.result.data[tables.registrations] || []).filter((item: unknown) => !!item);
  return { event, items };
}

/**
 * The result of registerForEvent and cancelRegistration: the event, with the
 * registration as the mutation left it for Event.myRegistration. The seat
 * fields are resolved after the write, so subscribers see the new counts.
 */
export function eventWithRegistration(event: Event, registration: RegistrationSource): Event {
  return { ...event, myRegistration: registration as Registration };
}

/** Fixed-width UTC times sort as they happened, so entries line up first come, first served. */
export function waitlistSortKey(joinedAt: string, userId: string): string {
  return `${WAITLIST_SORT_KEY_PREFIX}${joinedAt}#${userId}`;
}

const JOINED_AT_LENGTH = '2025-06-01T18:30:00.000Z'.length;

/** The registration a waitlist entry (its sort key `SEATS#WAIT#<joinedAt>#<userId>`) stands for. */
export function waitlistEntryRegistration(eventId: string, sortKey: string): StoredRegistration {
  const joinedAt = sortKey.slice(WAITLIST_SORT_KEY_PREFIX.length, WAITLIST_SORT_KEY_PREFIX.length + JOINED_AT_LENGTH);
  return {
    eventId,
    userId: sortKey.slice(WAITLIST_SORT_KEY_PREFIX.length + JOINED_AT_LENGTH + 1),
    status: 'WAITLISTED',
    createdAt: joinedAt,
    updatedAt: joinedAt,
    waitlistKey: sortKey,
  };
}

/** No stored item yet means no registration yet. */
export function seatsOf(item: Partial<Seats> | null | undefined, capacity: number): Seats {
  return {
    capacity: item && typeof item.capacity === 'number' ? item.capacity : capacity,
    confirmedCount: (item && item.confirmedCount) || 0,
    waitlistCount: (item && item.waitlistCount) || 0,
  };
}

export function isFull(seats: Seats): boolean {
  return seats.confirmedCount >= seats.capacity;
}

/** A Registration as resolvers return it: `position` is resolved by Registration.position, from the waitlist key. */
export type RegistrationSource = Omit<Registration, 'position'> & { waitlistKey?: string | null };

/** The registration's GraphQL fields, and its waitlist key for Registration.position. */
export function toRegistration(item: StoredRegistration): RegistrationSource {
  return {
    eventId: item.eventId,
    userId: item.userId,
    status: item.status,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    waitlistKey: item.waitlistKey,
  };
}

/** The event exists and takes registrations: checked by DynamoDB with the write. */
export function eventIsOpen() {
  return expression('#status IN (:published, :active)', { '#status': 'status' }, {
    ':published': OPEN_STATUSES[0],
    ':active': OPEN_STATUSES[1],
  });
}

/** The seat counters of the event a field resolver runs on (`ctx.source`), read consistently. */
export function readSourceSeats(ctx: Context) {
  return get({ key: seatsKey(ctx.source.eventId), consistentRead: true });
}

/** The counters read by readSourceSeats; an event nobody registered for has none stored. */
export function sourceSeats(ctx: Context): Seats {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  return seatsOf(ctx.result, ctx.source.capacity);
}

/**
 * A waitlisted registration becomes CONFIRMED and leaves the waitlist, on
 * condition that it still waits with that entry. The seat counters are the
 * caller's to change, in the same transaction.
 */
export function promotionWrites(table: string, eventId: string, waitlistKey: string, now: string): TransactWrite[] {
  const next = waitlistEntryRegistration(eventId, waitlistKey);
  const names = { '#status': 'status', '#waitlistKey': 'waitlistKey' };
  return [
    updateWrite(
      'promoted',
      table,
      registrationKey(eventId, next.userId),
      expression('SET #status = :confirmed, #updatedAt = :now REMOVE #waitlistKey', { ...names, '#updatedAt': 'updatedAt' }, {
        ':confirmed': 'CONFIRMED',
        ':now': now,
      }),
      expression('#status = :waitlisted AND #waitlistKey = :key', names, { ':waitlisted': 'WAITLISTED', ':key': waitlistKey }),
    ),
    deleteWrite('promotedEntry', table, { pk: eventId, sk: waitlistKey }),
  ];
}

/** A capacity raise confirms at most this many waitlisted people in its one transaction (2 writes each, 100 at most). */
export const MAX_PROMOTIONS_PER_UPDATE = 40;

/**
 * How many waitlist entries sort up to and including `waitlistKey`: the
 * position of that entry. Entries hold nothing but their keys, so a filter on
 * any other attribute keeps none of them and DynamoDB sends back only how
 * many it read (`scannedCount`); a filter may not name a key attribute.
 */
export function countWaitlistUpTo(eventId: string, waitlistKey: string) {
  return query({
    query: { pk: { eq: eventId }, sk: { between: [WAITLIST_SORT_KEY_PREFIX, waitlistKey] } },
    filter: { status: { attributeExists: true } },
    limit: MAX_WAITLIST,
    consistentRead: true,
  });
}
