import type { Event } from '../../generated/graphql';
import { ownershipCondition, type Caller } from './caller';

/** A condition or filter in the shape the `@aws-appsync/utils/dynamodb` helpers take. */
export type Condition = Record<string, unknown>;

/** One DynamoDB condition that holds only when every given one does. */
export function allOf(conditions: Condition[]): Condition {
  return conditions.length === 1 ? conditions[0] : { and: conditions };
}

/**
 * A write to an event read earlier holds only if the event is still at the
 * version read (so no change made in between is lost) and, for a non-admin,
 * still theirs; `extra` adds what the particular write needs on top.
 */
export function unchangedSinceRead(caller: Caller, current: Event, extra: Condition[] = []): Condition {
  const ownership = ownershipCondition(caller);
  const conditions: Condition[] = [{ version: { eq: current.version } }];
  if (ownership) {
    conditions.push(ownership);
  }
  return allOf(conditions.concat(extra));
}
