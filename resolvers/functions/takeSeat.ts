import { runtime, type Context } from '@aws-appsync/utils';
import type { MutationRegisterForEventArgs } from '../../generated/graphql';
import { claimTransaction, settleClaim } from '../lib/registration-claims';
import { isFull, seatsKey, tableNames, type RegistrationSource, type Seats, type StoredRegistration } from '../lib/registrations';
import { expression, updateWrite } from '../lib/transactions';

// Confirms a registration when a seat is left. DynamoDB adds 1 to the event's
// confirmedCount only while it is below capacity, in the same transaction as
// the registration's put and the check that the event is open: concurrent
// registrations can never take more seats than there are. The counters'
// item is created by the first registration, with the event's capacity.

function confirmed(ctx: Context): StoredRegistration {
  return { ...ctx.stash.registration, status: 'CONFIRMED' };
}

export function request(ctx: Context<MutationRegisterForEventArgs>) {
  const seats: Seats | undefined = ctx.stash.seats;
  if (ctx.stash.result || !seats || isFull(seats)) {
    ctx.stash.waitlist = !ctx.stash.result;
    return runtime.earlyReturn(ctx.prev.result);
  }
  const registration = confirmed(ctx);
  const takeOne = updateWrite(
    'seats',
    tableNames(ctx).registrations,
    seatsKey(registration.eventId),
    expression(
      'SET #capacity = if_not_exists(#capacity, :capacity), #confirmed = if_not_exists(#confirmed, :zero) + :one, #waitlist = if_not_exists(#waitlist, :zero)',
      { '#capacity': 'capacity', '#confirmed': 'confirmedCount', '#waitlist': 'waitlistCount' },
      { ':capacity': seats.capacity, ':zero': 0, ':one': 1 },
    ),
    expression('attribute_not_exists(#pk) OR #confirmed < #capacity', {
      '#pk': 'pk',
      '#confirmed': 'confirmedCount',
      '#capacity': 'capacity',
    }),
  );
  return claimTransaction(ctx, registration, [takeOne]);
}

export function response(ctx: Context<MutationRegisterForEventArgs>): RegistrationSource | null {
  return settleClaim(ctx, confirmed(ctx), 'SEAT');
}
