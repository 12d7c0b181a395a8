import { util, type Context } from '@aws-appsync/utils';
import type { MutationCancelRegistrationArgs } from '../../generated/graphql';
import { raiseInternalError, raiseSeatsBusy } from '../lib/errors';
import {
  registrationKey,
  seatsKey,
  tableNames,
  promotionWrites,
  toRegistration,
  type RegistrationSource,
  type StoredRegistration,
} from '../lib/registrations';
import {
  deleteWrite,
  expression,
  transaction,
  transactionOutcome,
  updateWrite,
  type Expression,
  type TransactWrite,
} from '../lib/transactions';

// Cancels in one transaction: the registration goes, and the counters follow.
// A freed seat goes to the first in line in the same transaction, so a seat
// is never free while someone waits. Each part is conditioned on what was
// read, so a registration promoted or cancelled meanwhile fails the whole
// cancellation (ConflictError, nothing written) instead of miscounting.

const STATUS_NAMES = { '#status': 'status' };

function removeRegistration(table: string, current: StoredRegistration): TransactWrite {
  return deleteWrite(
    'registration',
    table,
    registrationKey(current.eventId, current.userId),
    expression('#status = :status', STATUS_NAMES, { ':status': current.status }),
  );
}

function seatsExist() {
  return expression('attribute_exists(#pk)', { '#pk': 'pk' });
}

function countDown(table: string, eventId: string, counter: string, condition: Expression) {
  return updateWrite(
    'seats',
    table,
    seatsKey(eventId),
    expression('SET #counter = #counter - :one', { '#counter': counter }, { ':one': 1 }),
    condition,
  );
}

/** The first in line takes the freed seat, and the waitlist shrinks by one. */
function promote(table: string, eventId: string, waitlistKey: string, now: string): TransactWrite[] {
  return promotionWrites(table, eventId, waitlistKey, now).concat([countDown(table, eventId, 'waitlistCount', seatsExist())]);
}

function releaseWrites(ctx: Context, current: StoredRegistration, now: string): TransactWrite[] {
  const table = tableNames(ctx).registrations;
  const writes = [removeRegistration(table, current)];
  if (current.status === 'WAITLISTED') {
    return writes.concat([
      deleteWrite('waitlistEntry', table, { pk: current.eventId, sk: current.waitlistKey as string }),
      countDown(table, current.eventId, 'waitlistCount', seatsExist()),
    ]);
  }
  const nextInLine: string | null = ctx.stash.nextInLine;
  if (nextInLine) {
    return writes.concat(promote(table, current.eventId, nextInLine, now));
  }
  // nobody waited when read: if someone joined since, the seat is theirs, so retry
  return writes.concat([
    countDown(table, current.eventId, 'confirmedCount', expression('#waitlist = :zero', { '#waitlist': 'waitlistCount' }, { ':zero': 0 })),
  ]);
}

export function request(ctx: Context<MutationCancelRegistrationArgs>) {
  ctx.stash.now = util.time.nowISO8601();
  const built = transaction(releaseWrites(ctx, ctx.stash.current, ctx.stash.now));
  ctx.stash.transactionParts = built.parts;
  return built.request;
}

export function response(ctx: Context<MutationCancelRegistrationArgs>): RegistrationSource {
  const outcome = transactionOutcome(ctx, ctx.stash.transactionParts);
  if (ctx.error && outcome.failedOtherwise) {
    raiseInternalError(ctx.error);
  }
  if (!outcome.committed) {
    raiseSeatsBusy(ctx.args.eventId);
  }
  const current: StoredRegistration = ctx.stash.current;
  return toRegistration({ ...current, status: 'CANCELLED', updatedAt: ctx.stash.now, waitlistKey: null });
}
