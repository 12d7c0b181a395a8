import { describe, expect, it } from 'vitest';
import { ADMIN, API_KEY_CALLER, dataSourceError, OWNER, storedEvent } from '../../test/support/resolver-fixtures.ts';
import { expectOpaqueInternalError, functionUnderTest, raised, returned } from '../../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// DeleteItem request fields: https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html#js-aws-appsync-resolver-reference-dynamodb-deleteitem
// The second step of Mutation.deleteEvent: ctx.prev.result is the event readEventForWrite read.

const deleteEventItem = await functionUnderTest('deleteEventItem', 'Mutation.deleteEvent');

describe('deleteEventItem request', () => {
  it("deletes the event only if it is still the owner's and at the version read", async () => {
    const response = await deleteEventItem.request({
      arguments: { eventId: 'e-1' },
      identity: OWNER,
      prev: { result: storedEvent({ version: 5 }) },
    });
    expect(returned(response)).toEqual({
      operation: 'DeleteItem',
      key: { eventId: { S: 'e-1' } },
      condition: {
        expression: '((#version = :and_0_version_eq) AND (#ownerId = :and_1_ownerId_eq))',
        expressionNames: { '#version': 'version', '#ownerId': 'ownerId' },
        expressionValues: { ':and_0_version_eq': { N: 5 }, ':and_1_ownerId_eq': { S: 'owner-sub' } },
      },
    });
  });

  it("lets an admin delete anyone's event: only the version is a condition", async () => {
    const response = await deleteEventItem.request({
      arguments: { eventId: 'e-1' },
      identity: ADMIN,
      prev: { result: storedEvent({ version: 2 }) },
    });
    expect(returned(response)).toEqual({
      operation: 'DeleteItem',
      key: { eventId: { S: 'e-1' } },
      condition: {
        expression: '(#version = :version_eq)',
        expressionNames: { '#version': 'version' },
        expressionValues: { ':version_eq': { N: 2 } },
      },
    });
  });

  it('refuses an API-key caller as Unauthorized', async () => {
    const error = raised(
      await deleteEventItem.request({ arguments: { eventId: 'e-1' }, identity: API_KEY_CALLER, prev: { result: storedEvent() } }),
    );
    expect(error.errorType).toBe('Unauthorized');
    expect(error.message).toBe('Not Authorized to access deleteEvent on type Mutation');
  });
});

describe('deleteEventItem response', () => {
  it('returns the deleted event', async () => {
    const deleted = storedEvent();
    const response = await deleteEventItem.response({ arguments: { eventId: 'e-1' }, identity: OWNER, result: deleted });
    expect(returned(response)).toEqual(deleted);
  });

  // On a failed condition AppSync hands the item as stored now to the response handler, and
  // counts a conditional delete of an item already gone as a success with no item:
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
  it('answers ConflictError with the version read and the version stored now when the event changed meanwhile', async () => {
    const error = raised(
      await deleteEventItem.response({
        arguments: { eventId: 'e-1' },
        identity: OWNER,
        prev: { result: storedEvent({ version: 3 }) },
        result: storedEvent({ version: 5 }),
        error: dataSourceError('ConditionalCheckFailedException'),
      }),
    );
    expect(error.errorType).toBe('ConflictError');
    expect(error.errorInfo).toEqual({ eventId: 'e-1', expectedVersion: 3, actualVersion: 5 });
  });

  it('answers NotFoundError when another delete won the race (a delete of a gone item succeeds with no item)', async () => {
    const error = raised(
      await deleteEventItem.response({
        arguments: { eventId: 'e-1' },
        identity: OWNER,
        prev: { result: storedEvent({ version: 3 }) },
        result: null,
      }),
    );
    expect(error).toMatchObject({ errorType: 'NotFoundError', errorInfo: { eventId: 'e-1' } });
  });

  it('reports any other DynamoDB failure as an InternalError that reveals nothing of the table', async () => {
    const response = await deleteEventItem.response({
      arguments: { eventId: 'e-1' },
      identity: OWNER,
      error: dataSourceError('ResourceNotFoundException'),
    });
    expectOpaqueInternalError(response);
  });
});
