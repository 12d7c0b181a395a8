import { describe, expect, it } from 'vitest';
import { ADMIN, API_KEY_CALLER, dataSourceError, OWNER, storedEvent } from '../../test/support/resolver-fixtures.ts';
import { expectOpaqueInternalError, functionUnderTest, raised, returned } from '../../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// TransactWriteItems request fields: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
// The second step of Mutation.deleteEvent: ctx.prev.result is the event readEventForWrite read.

const deleteEventItem = await functionUnderTest('deleteEventItem', 'Mutation.deleteEvent');
const env = { EVENTS_TABLE: 'events-table', REGISTRATIONS_TABLE: 'registrations-table' };

/** The seats item goes too, only while nobody holds a seat or waits. */
const SEATS_DELETE = {
  table: 'registrations-table',
  operation: 'DeleteItem',
  key: { pk: { S: 'e-1' }, sk: { S: 'SEATS' } },
  condition: {
    expression: 'attribute_not_exists(#pk) OR (#confirmed = :zero AND #waitlist = :zero)',
    expressionNames: { '#pk': 'pk', '#confirmed': 'confirmedCount', '#waitlist': 'waitlistCount' },
    expressionValues: { ':zero': { N: 0 } },
    returnValuesOnConditionCheckFailure: false,
  },
};

function cancelled(reasons: string[]) {
  return {
    error: dataSourceError('TransactionCanceledException'),
    result: { keys: null, cancellationReasons: reasons.map((type) => ({ type, message: type })) },
  };
}

describe('deleteEventItem request', () => {
  it("deletes the event only if it is still the owner's and at the version read", async () => {
    const response = await deleteEventItem.request({
      arguments: { eventId: 'e-1' },
      identity: OWNER,
      env,
      prev: { result: storedEvent({ version: 5 }) },
    });
    expect(returned(response)).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: 'events-table',
          operation: 'DeleteItem',
          key: { eventId: { S: 'e-1' } },
          condition: {
            expression: '((#version = :and_0_version_eq) AND (#ownerId = :and_1_ownerId_eq))',
            expressionNames: { '#version': 'version', '#ownerId': 'ownerId' },
            expressionValues: { ':and_0_version_eq': { N: 5 }, ':and_1_ownerId_eq': { S: 'owner-sub' } },
            returnValuesOnConditionCheckFailure: true,
          },
        },
        SEATS_DELETE,
      ],
    });
  });

  it("lets an admin delete anyone's event: only the version is a condition", async () => {
    const response = await deleteEventItem.request({
      arguments: { eventId: 'e-1' },
      identity: ADMIN,
      env,
      prev: { result: storedEvent({ version: 2 }) },
    });
    expect(returned(response).transactItems[0].condition).toEqual({
      expression: '(#version = :version_eq)',
      expressionNames: { '#version': 'version' },
      expressionValues: { ':version_eq': { N: 2 } },
      returnValuesOnConditionCheckFailure: true,
    });
  });

  it('refuses an API-key caller as Unauthorized', async () => {
    const error = raised(
      await deleteEventItem.request({ arguments: { eventId: 'e-1' }, identity: API_KEY_CALLER, env, prev: { result: storedEvent() } }),
    );
    expect(error.errorType).toBe('Unauthorized');
    expect(error.message).toBe('Not Authorized to access deleteEvent on type Mutation');
  });
});

describe('deleteEventItem response', () => {
  const PARTS = ['event', 'seats'];

  it('returns the deleted event, as read', async () => {
    const deleted = storedEvent();
    const response = await deleteEventItem.response({
      arguments: { eventId: 'e-1' },
      identity: OWNER,
      stash: { transactionParts: PARTS, deleting: deleted },
      result: { keys: [{ eventId: 'e-1' }, { pk: 'e-1', sk: 'SEATS' }], cancellationReasons: null },
    });
    expect(returned(response)).toEqual(deleted);
  });

  // A failed condition in a transaction brings the item as stored now in its cancellation reason
  // when returnValuesOnConditionCheckFailure is true, and nothing when the item is gone:
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
  it('answers ConflictError with the version read and the version stored now when the event changed meanwhile', async () => {
    const error = raised(
      await deleteEventItem.response({
        arguments: { eventId: 'e-1' },
        identity: OWNER,
        stash: { transactionParts: PARTS, deleting: storedEvent({ version: 3 }) },
        error: dataSourceError('TransactionCanceledException'),
        result: {
          keys: null,
          cancellationReasons: [
            { type: 'ConditionCheckFailed', message: 'The conditional request failed', item: storedEvent({ version: 5 }) },
            { type: 'None', message: 'None' },
          ],
        },
      }),
    );
    expect(error.errorType).toBe('ConflictError');
    expect(error.errorInfo).toEqual({ eventId: 'e-1', expectedVersion: 3, actualVersion: 5 });
  });

  it('answers NotFoundError when another delete won the race: the failed condition brings back no item', async () => {
    const error = raised(
      await deleteEventItem.response({
        arguments: { eventId: 'e-1' },
        identity: OWNER,
        stash: { transactionParts: PARTS, deleting: storedEvent({ version: 3 }) },
        ...cancelled(['ConditionCheckFailed', 'None']),
      }),
    );
    expect(error).toMatchObject({ errorType: 'NotFoundError', errorInfo: { eventId: 'e-1' } });
  });

  it('answers EventHasRegistrationsError while someone holds a seat or waits', async () => {
    const error = raised(
      await deleteEventItem.response({
        arguments: { eventId: 'e-1' },
        identity: OWNER,
        stash: { transactionParts: PARTS },
        ...cancelled(['None', 'ConditionalCheckFailed']),
      }),
    );
    expect(error).toMatchObject({ errorType: 'EventHasRegistrationsError', errorInfo: { eventId: 'e-1' } });
  });

  it('reports any other DynamoDB failure as an InternalError that reveals nothing of the table', async () => {
    const response = await deleteEventItem.response({
      arguments: { eventId: 'e-1' },
      identity: OWNER,
      stash: { transactionParts: PARTS },
      error: dataSourceError('ResourceNotFoundException'),
    });
    expectOpaqueInternalError(response);
  });
});
