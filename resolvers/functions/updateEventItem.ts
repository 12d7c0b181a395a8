import { util, type Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationUpdateEventArgs } from '../../generated/graphql';
import { raiseConcurrentChange, raiseInternalError, raiseInvalidTransition } from '../lib/errors';
import { allowedPreviousStatuses, isAllowedTransition } from '../lib/lifecycle';
import type { EventChanges } from '../lib/validation';

/**
 * The write holds only if the event is still at the version read before, and,
 * when the status changes, still in a status the lifecycle allows that change
 * from: DynamoDB checks both atomically with the write.
 */
function writeCondition(current: Event, changes: EventChanges) {
  const sameVersion = { version: { eq: current.version } };
  if (!changes.status || changes.status === current.status) {
    return sameVersion;
  }
  const allowedStatuses = allowedPreviousStatuses(changes.status).map((status) => ({ status: { eq: status } }));
  return { and: [sameVersion, { or: allowedStatuses }] };
}

export function request(ctx: Context<MutationUpdateEventArgs>) {
  const current: Event = ctx.prev.result;
  const changes: EventChanges = ctx.stash.changes;
  if (changes.status && changes.status !== current.status && !isAllowedTransition(current.status, changes.status)) {
    raiseInvalidTransition(current.eventId, current.status, changes.status);
  }
  return update({
    key: { eventId: current.eventId },
    update: { ...changes, updatedAt: util.time.nowISO8601(), version: operations.increment(1) },
    condition: writeCondition(current, changes),
  });
}

export function response(ctx: Context<MutationUpdateEventArgs>): Event {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      raiseConcurrentChange(ctx.args.eventId);
    }
    raiseInternalError(ctx.error);
  }
  return ctx.result;
}
