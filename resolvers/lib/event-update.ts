import { util, type Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import type { Event } from '../../generated/graphql';
import { signedInCaller } from './caller';
import { unchangedSinceRead } from './conditions';
import { raiseInvalidTransition } from './errors';
import { allowedPreviousStatuses, isAllowedTransition } from './lifecycle';
import type { EventChanges } from './validation';

// The write of updateEvent, built once: updateEventItem sends it alone, and
// changeCapacity sends it inside the transaction that moves seats with it.

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

/** The UpdateItem request that applies `changes` to the event read as `current`, or the error that forbids it. */
export function eventUpdateRequest(ctx: Context, current: Event, changes: EventChanges, now: string) {
  const caller = signedInCaller(ctx);
  if (!caller) {
    util.unauthorized();
  }
  if (changes.status && changes.status !== current.status && !isAllowedTransition(current.status, changes.status)) {
    raiseInvalidTransition(current.eventId, current.status, changes.status);
  }
  return update({
    key: { eventId: current.eventId },
    update: { ...changes, updatedAt: now, version: operations.increment(1) },
    condition: unchangedSinceRead(caller, current, statusConditions(current, changes)),
  });
}
