import type { Context } from '@aws-appsync/utils';
import { eventIsOpen, eventKey, registrationKey, tableNames, type StoredRegistration } from './registrations';
import { clientTokenWrite, type ClientTokenUse } from './client-token';
import { raiseInternalError, raiseRegistrationClosed, raiseSeatsBusy } from './errors';
import { conditionCheck, expression, putWrite, transaction, transactionOutcome, type TransactWrite } from './transactions';

// What takeSeat and joinWaitlist share: the writes of a registration that
// either confirms or waitlists, and what their cancellation means.

/**
 * The clientToken record comes first and the registration second: whichever
 * part failed first explains the outcome best (a retry, then a repeat).
 */
export function claimTransaction(ctx: Context, registration: StoredRegistration, seatWrites: TransactWrite[]) {
  const tables = tableNames(ctx);
  const clientToken: ClientTokenUse | undefined = ctx.stash.clientToken;
  const writes: TransactWrite[] = clientToken ? [clientTokenWrite(ctx, tables.registrations, clientToken, registration)] : [];
  writes.push(
    putWrite(
      'registration',
      tables.registrations,
      registrationKey(registration.eventId, registration.userId),
      { ...registration },
      expression('attribute_not_exists(#pk)', { '#pk': 'pk' }),
    ),
    conditionCheck('event', tables.events, eventKey(registration.eventId), eventIsOpen()),
  );
  const built = transaction(writes.concat(seatWrites));
  ctx.stash.transactionParts = built.parts;
  return built.request;
}

/**
 * The registration when the transaction committed. Otherwise the outcome is
 * noted in the stash for settleLostWrite (a retry or a repeat), or the right
 * error raised. A refused seat condition means, for a seat, that the last one
 * went meanwhile (the waitlist is next); for the waitlist, that a seat was
 * freed or the waitlist filled up meanwhile (a retry decides anew).
 */
export function settleClaim(ctx: Context, registration: StoredRegistration, wanted: 'SEAT' | 'WAITLIST') {
  const outcome = transactionOutcome(ctx, ctx.stash.transactionParts);
  if (outcome.committed) {
    ctx.stash.result = registration;
    return registration;
  }
  if (ctx.error && outcome.failedOtherwise) {
    raiseInternalError(ctx.error);
  }
  const failed = outcome.failedParts;
  if (failed.indexOf('clientToken') >= 0 || failed.indexOf('registration') >= 0) {
    ctx.stash.settle = failed.indexOf('clientToken') >= 0 ? 'clientToken' : 'registration';
    return null;
  }
  if (outcome.conflicted) {
    raiseSeatsBusy(registration.eventId);
  }
  if (failed.indexOf('event') >= 0) {
    raiseRegistrationClosed(registration.eventId);
  }
  if (wanted === 'WAITLIST') {
    raiseSeatsBusy(registration.eventId);
  }
  ctx.stash.waitlist = true;
  return null;
}
