import { runtime, type Context } from '@aws-appsync/utils';
import type { MutationRegisterForEventArgs } from '../../generated/graphql';
import { raiseWaitlistFull } from '../lib/errors';
import { claimTransaction, settleClaim } from '../lib/registration-claims';
import { MAX_WAITLIST, seatsKey, tableNames, waitlistSortKey, type Seats, type RegistrationSource, type StoredRegistration } from '../lib/registrations';
import { expression, putWrite, updateWrite } from '../lib/transactions';

// Waitlists a registration when every seat is taken. The seats item must
// still be full when this commits (a seat freed meanwhile is not passed over),
// and the waitlist entry, sorted by the time the user came, keeps first come,
// first served.

function waitlisted(ctx: Context): StoredRegistration {
  const registration = ctx.stash.registration;
  return { ...registration, status: 'WAITLISTED', waitlistKey: waitlistSortKey(registration.createdAt, registration.userId) };
}

export function request(ctx: Context<MutationRegisterForEventArgs>) {
  if (!ctx.stash.waitlist || ctx.stash.result || ctx.stash.settle) {
    return runtime.earlyReturn(ctx.prev.result);
  }
  const seats: Seats = ctx.stash.seats;
  if (seats.waitlistCount >= MAX_WAITLIST) {
    raiseWaitlistFull(ctx.args.eventId, seats.waitlistCount);
  }
  const registration = waitlisted(ctx);
  const table = tableNames(ctx).registrations;
  const joinQueue = updateWrite(
    'seats',
    table,
    seatsKey(registration.eventId),
    expression('SET #waitlist = #waitlist + :one', { '#waitlist': 'waitlistCount' }, { ':one': 1 }),
    expression(
      'attribute_exists(#pk) AND #confirmed >= #capacity AND #waitlist < :max',
      { '#pk': 'pk', '#confirmed': 'confirmedCount', '#capacity': 'capacity', '#waitlist': 'waitlistCount' },
      { ':max': MAX_WAITLIST },
    ),
  );
  const entry = putWrite(
    'waitlistEntry',
    table,
    { pk: registration.eventId, sk: registration.waitlistKey },
    {},
    expression('attribute_not_exists(#pk)', { '#pk': 'pk' }),
  );
  return claimTransaction(ctx, registration, [joinQueue, entry]);
}

export function response(ctx: Context<MutationRegisterForEventArgs>): RegistrationSource | null {
  return settleClaim(ctx, waitlisted(ctx), 'WAITLIST');
}
