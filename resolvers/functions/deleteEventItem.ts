import { util, type Context } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationDeleteEventArgs } from '../../generated/graphql';
import { signedInCaller } from '../lib/caller';
import { unchangedSinceRead } from '../lib/conditions';
import { raiseEventHasRegistrations, raiseInternalError, raiseLostRace, raiseSeatsBusy } from '../lib/errors';
import { seatsKey, tableNames } from '../lib/registrations';
import { deleteWrite, eventWrite, expression, storedItemOf, transaction, transactionOutcome } from '../lib/transactions';

// Deletes only the version read by readEventForWrite: a change made in between
// is never lost without the client hearing of it. The event's seat counters
// go with it in the same transaction, and only while nobody holds a seat or
// waits: an event with registrations is cancelled, not deleted, so nothing is
// ever left orphaned (cancelled registrations are not kept).

export function request(ctx: Context<MutationDeleteEventArgs>) {
  const current: Event = ctx.prev.result;
  const caller = signedInCaller(ctx);
  if (!caller) {
    util.unauthorized();
  }
  const tables = tableNames(ctx);
  const eventDelete = remove({ key: { eventId: current.eventId }, condition: unchangedSinceRead(caller, current) });
  const built = transaction([
    eventWrite('event', tables.events, eventDelete),
    deleteWrite(
      'seats',
      tables.registrations,
      seatsKey(current.eventId),
      expression(
        'attribute_not_exists(#pk) OR (#confirmed = :zero AND #waitlist = :zero)',
        { '#pk': 'pk', '#confirmed': 'confirmedCount', '#waitlist': 'waitlistCount' },
        { ':zero': 0 },
      ),
    ),
  ]);
  ctx.stash.transactionParts = built.parts;
  ctx.stash.deleting = current;
  return built.request;
}

export function response(ctx: Context<MutationDeleteEventArgs>): Event | null {
  const outcome = transactionOutcome(ctx, ctx.stash.transactionParts);
  if (ctx.error && outcome.failedOtherwise) {
    raiseInternalError(ctx.error);
  }
  if (outcome.failedParts.indexOf('event') >= 0) {
    // gone: another delete won (NotFoundError); changed: ConflictError with both versions
    raiseLostRace(ctx.stash.deleting, storedItemOf<Event>(ctx, ctx.stash.transactionParts, 'event'));
  }
  if (outcome.failedParts.indexOf('seats') >= 0) {
    raiseEventHasRegistrations(ctx.args.eventId);
  }
  if (!outcome.committed) {
    raiseSeatsBusy(ctx.args.eventId);
  }
  return ctx.stash.deleting;
}
