import { util } from '@aws-appsync/utils';
import type { Event, EventStatus } from '../../generated/graphql';

/** One broken input rule; `errorInfo.failures` of a ValidationError lists them all. */
export interface ValidationFailure {
  /** the argument path, e.g. `input.title` */
  field: string;
  /** a stable rule name clients can switch on, e.g. `LENGTH` */
  rule: string;
  message: string;
}

export function raiseValidationError(failures: ValidationFailure[]): never {
  const summary = failures.map((failure) => failure.message).join('; ');
  return util.error(`Invalid input: ${summary}`, 'ValidationError', null, { failures });
}

export function raiseNotFound(eventId: string): never {
  return util.error(`No event with id ${eventId}`, 'NotFoundError', null, { eventId });
}

export function raiseConflict(eventId: string, expectedVersion: number, actualVersion: number): never {
  return util.error(
    `Event ${eventId} is at version ${actualVersion}, not ${expectedVersion}: read it again and retry`,
    'ConflictError',
    null,
    { eventId, expectedVersion, actualVersion },
  );
}

/**
 * A write conditioned on the version read lost a race with another write.
 * When a condition fails, AppSync reads the item again and hands it to the
 * response handler in `ctx.result` (null when it is gone): "the current value
 * of the object in DynamoDB" of
 * https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
 * So a client hears NotFoundError when another request deleted the event, and
 * otherwise ConflictError with the version its write was based on and the
 * version stored now.
 */
export function raiseLostRace(read: Event, storedNow: Event | null): never {
  if (!storedNow) {
    return raiseNotFound(read.eventId);
  }
  return raiseConflict(read.eventId, read.version, storedNow.version);
}

export function raiseInvalidTransition(eventId: string, from: EventStatus, to: EventStatus): never {
  return util.error(
    `Event ${eventId} cannot go from ${from} to ${to}`,
    'InvalidTransitionError',
    null,
    { eventId, from, to },
  );
}

/**
 * A data-source failure the caller cannot fix. The DynamoDB message names the
 * table and other internals, so only its type goes to the logs and none of it
 * to the client.
 */
export function raiseInternalError(error: { type: string }): never {
  console.error(`data source error: ${error.type}`);
  return util.error('The request could not be completed; try again later', 'InternalError');
}
