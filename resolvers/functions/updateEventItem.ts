import { util, type Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationUpdateEventArgs } from '../../generated/graphql';
import { signedInCaller } from '../lib/caller';
import { unchangedSinceRead } from '../lib/conditions';
import { raiseInternalError, raiseInvalidTransition, raiseLostRace } from '../lib/errors';
import { allowedPreviousStatuses, isAllowedTransition } from '../lib/lifecycle';
import type { EventChanges } from '../lib/validation';

/**
 * When the status changes, the event must still be in a status the lifecycle
 * allows that change from: DynamoDB checks it atomically with the write.
 */
function statusConditions(current: Event, changes: EventChanges) {
  if (!changes.status || changes.status === current.status) {
    return [];
  }
  return [{ or: allowedPreviousStatuses(changes.status).map((status) => ({ status: { eq: status } })) }];
}

export function request(ctx: Context<MutationUpdateEventArgs>) {
  const current: Event = ctx.prev.result;
  const changes: EventChanges = ctx.stash.changes;
  const caller = signedInCaller(ctx);
  if (!caller) {
    util.unauthorized();
  }
  if (changes.status && changes.status !== current.status && !isAllowedTransition(current.status, changes.status)) {
    raiseInvalidTransition(current.eventId, current.status, changes.status);
  }
  return update({
    key: { eventId: current.eventId },
    update: { ...changes, updatedAt: util.time.nowISO8601(), version: operations.increment(1) },
    condition: unchangedSinceRead(caller, current, statusConditions(current, changes)),
  });
}

export function response(ctx: Context<MutationUpdateEventArgs>): Event {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      raiseLostRace(ctx.prev.result, ctx.result);
    }
    raiseInternalError(ctx.error);
  }
  return ctx.result;
}
