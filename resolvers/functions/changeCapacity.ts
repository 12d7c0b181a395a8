import { runtime, util, type Context } from '@aws-appsync/utils';
import type { Event, MutationUpdateEventArgs } from '../../generated/graphql';
import { raiseInternalError, raiseLostRace, raiseSeatsBusy } from '../lib/errors';
import { eventUpdateRequest } from '../lib/event-update';
import {
  MAX_PROMOTIONS_PER_UPDATE,
  promotionWrites,
  seatsKey,
  tableNames,
  type Seats,
} from '../lib/registrations';
import {
  eventWrite,
  expression,
  storedItemOf,
  transaction,
  transactionOutcome,
  updateWrite,
  type TransactWrite,
} from '../lib/transactions';
import type { EventChanges } from '../lib/validation';

// A capacity change moves the event and its seats together, in one
// transaction: lowering below the confirmed seats is refused, raising
// confirms the first in line up to the new capacity. The seat counters must
// be exactly as read, so a registration or cancellation in between makes
// this fail with a retryable ConflictError rather than miscount.

interface CapacityChange {
  stored: boolean;
  seats: Seats;
  waitlistHead: string[];
}

function raiseBelowConfirmed(capacity: number, confirmedCount: number): never {
  const failures = [
    {
      field: 'input.capacity',
      rule: 'BELOW_CONFIRMED',
      message: `input.capacity cannot be below the ${confirmedCount} confirmed registrations`,
    },
  ];
  return util.error(`Invalid input: ${failures[0].message}`, 'ValidationError', null, { failures, confirmedCount, capacity });
}

function raiseTooManyPromotions(promotions: number): never {
  const failures = [
    {
      field: 'input.capacity',
      rule: 'TOO_MANY_PROMOTIONS',
      message: `input.capacity would confirm ${promotions} waitlisted registrations at once; raise it by at most ${MAX_PROMOTIONS_PER_UPDATE} seats at a time while people wait`,
    },
  ];
  return util.error(`Invalid input: ${failures[0].message}`, 'ValidationError', null, { failures });
}

function seatsWrite(table: string, eventId: string, change: CapacityChange, capacity: number, promoted: number): TransactWrite {
  const names = { '#capacity': 'capacity', '#confirmed': 'confirmedCount', '#waitlist': 'waitlistCount' };
  const asRead = change.stored
    ? expression('#confirmed = :readConfirmed AND #waitlist = :readWaiting', { '#confirmed': 'confirmedCount', '#waitlist': 'waitlistCount' }, {
        ':readConfirmed': change.seats.confirmedCount,
        ':readWaiting': change.seats.waitlistCount,
      })
    : expression('attribute_not_exists(#pk)', { '#pk': 'pk' });
  return updateWrite(
    'seats',
    table,
    seatsKey(eventId),
    expression('SET #capacity = :capacity, #confirmed = :confirmed, #waitlist = :waiting', names, {
      ':capacity': capacity,
      ':confirmed': change.seats.confirmedCount + promoted,
      ':waiting': change.seats.waitlistCount - promoted,
    }),
    asRead,
  );
}

export function request(ctx: Context<MutationUpdateEventArgs>) {
  const change: CapacityChange | undefined = ctx.stash.capacityChange;
  if (!change) {
    return runtime.earlyReturn(ctx.prev.result);
  }
  const current: Event = ctx.prev.result;
  const changes: EventChanges = ctx.stash.changes;
  const capacity = changes.capacity as number;
  const { confirmedCount, waitlistCount } = change.seats;
  if (capacity < confirmedCount) {
    raiseBelowConfirmed(capacity, confirmedCount);
  }
  const promotions = Math.min(Math.max(0, capacity - confirmedCount), waitlistCount);
  if (promotions > MAX_PROMOTIONS_PER_UPDATE) {
    raiseTooManyPromotions(promotions);
  }
  if (change.waitlistHead.length < promotions) {
    raiseSeatsBusy(current.eventId);
  }
  const now = util.time.nowISO8601();
  const tables = tableNames(ctx);
  const eventUpdate = eventUpdateRequest(ctx, current, changes, now);
  const writes: TransactWrite[] = [
    eventWrite('event', tables.events, eventUpdate),
    seatsWrite(tables.registrations, current.eventId, change, capacity, promotions),
  ];
  for (const waitlistKey of change.waitlistHead.slice(0, promotions)) {
    writes.push(...promotionWrites(tables.registrations, current.eventId, waitlistKey, now));
  }
  const built = transaction(writes);
  ctx.stash.transactionParts = built.parts;
  ctx.stash.pendingEvent = { ...current, ...changes, updatedAt: now, version: current.version + 1 };
  return built.request;
}

export function response(ctx: Context<MutationUpdateEventArgs>): Event {
  const outcome = transactionOutcome(ctx, ctx.stash.transactionParts);
  if (ctx.error && outcome.failedOtherwise) {
    raiseInternalError(ctx.error);
  }
  if (outcome.failedParts.indexOf('event') >= 0) {
    raiseLostRace(ctx.prev.result, storedItemOf<Event>(ctx, ctx.stash.transactionParts, 'event'));
  }
  if (!outcome.committed) {
    raiseSeatsBusy(ctx.args.eventId);
  }
  ctx.stash.updatedEvent = ctx.stash.pendingEvent;
  return ctx.stash.updatedEvent;
}
