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

export function raiseRegistrationClosed(eventId: string): never {
  return util.error(
    `Event ${eventId} takes no registrations: only PUBLISHED and ACTIVE events do`,
    'RegistrationClosedError',
    null,
    { eventId },
  );
}

export function raiseNotRegistered(eventId: string): never {
  return util.error(`You have no registration for event ${eventId}`, 'NotFoundError', null, { eventId });
}

export function raiseWaitlistFull(eventId: string, waitlistCount: number): never {
  return util.error(
    `The waitlist of event ${eventId} is full (${waitlistCount} waiting)`,
    'WaitlistFullError',
    null,
    { eventId, waitlistCount },
  );
}

/** Another request changed the same seats at the same moment; nothing was written. */
export function raiseSeatsBusy(eventId: string): never {
  return util.error(
    `The seats of event ${eventId} changed while this request ran; nothing was written: retry`,
    'ConflictError',
    null,
    { eventId, retryable: true },
  );
}

export function raiseIdempotencyConflict(clientToken: string): never {
  return util.error(
    'This clientToken was already used with different input; use a new clientToken',
    'IdempotencyConflictError',
    null,
    { clientToken },
  );
}

/** What a write lost to is gone again (an expired clientToken record, a cancelled registration). */
export function raiseWriteRaced(): never {
  return util.error(
    'Another request changed the same data while this one ran; nothing was written: retry',
    'ConflictError',
    null,
    { retryable: true },
  );
}

export function raiseEventHasRegistrations(eventId: string): never {
  return util.error(
    `Event ${eventId} has registrations: cancel it instead (status CANCELLED), which keeps them readable`,
    'EventHasRegistrationsError',
    null,
    { eventId },
  );
}
