import { describe, expect, it } from 'vitest';
import type { EventStatus } from '../../generated/graphql.ts';
import { ADMIN, API_KEY_CALLER, dataSourceError, OWNER, storedEvent } from '../../test/support/resolver-fixtures.ts';
import { expectOpaqueInternalError, functionUnderTest, raised, returned } from '../../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// UpdateItem request fields: https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html#js-aws-appsync-resolver-reference-dynamodb-updateitem
// The second step of Mutation.updateEvent: ctx.prev.result is the event
// readEventForWrite read, ctx.stash.changes what Mutation.updateEvent validated.

const updateEventItem = await functionUnderTest('updateEventItem', 'Mutation.updateEvent');

const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function updateOf(current: ReturnType<typeof storedEvent>, changes: Record<string, unknown>, identity = OWNER) {
  return updateEventItem.request({
    arguments: { eventId: current.eventId, input: changes },
    identity,
    stash: { changes },
    prev: { result: current },
  });
}

describe('updateEventItem request', () => {
  it("sets the changes and updatedAt and adds 1 to the version, if the event is still the owner's and unchanged", async () => {
    const request = returned(await updateOf(storedEvent({ version: 3 }), { title: 'New title', capacity: 80 }));
    expect(request).toEqual({
      operation: 'UpdateItem',
      key: { eventId: { S: 'e-1' } },
      update: {
        expression:
          'SET #expName_1 = :expValue_1, #expName_2 = :expValue_2, #expName_3 = :expValue_3, #expName_4 = #expName_4 + :expValue_4',
        expressionNames: { '#expName_1': 'title', '#expName_2': 'capacity', '#expName_3': 'updatedAt', '#expName_4': 'version' },
        expressionValues: {
          ':expValue_1': { S: 'New title' },
          ':expValue_2': { N: 80 },
          ':expValue_3': { S: expect.stringMatching(UTC_TIMESTAMP) },
          ':expValue_4': { N: 1 },
        },
      },
      condition: {
        expression: '((#version = :and_0_version_eq) AND (#ownerId = :and_1_ownerId_eq))',
        expressionNames: { '#version': 'version', '#ownerId': 'ownerId' },
        expressionValues: { ':and_0_version_eq': { N: 3 }, ':and_1_ownerId_eq': { S: 'owner-sub' } },
      },
    });
  });

  it("lets an admin change anyone's event: only the version is a condition", async () => {
    const request = returned(await updateOf(storedEvent({ version: 7 }), { location: 'Hamburg' }, ADMIN));
    expect(request.condition).toEqual({
      expression: '(#version = :version_eq)',
      expressionNames: { '#version': 'version' },
      expressionValues: { ':version_eq': { N: 7 } },
    });
  });

  it('conditions a status change on a status the lifecycle allows it from', async () => {
    const request = returned(await updateOf(storedEvent({ status: 'PUBLISHED' }), { status: 'CANCELLED' }));
    expect(request.condition).toEqual({
      expression:
        '((#version = :and_0_version_eq) AND (#ownerId = :and_1_ownerId_eq) AND ' +
        '((#status = :and_2_or_0_status_eq) OR (#status = :and_2_or_1_status_eq) OR (#status = :and_2_or_2_status_eq)))',
      expressionNames: { '#version': 'version', '#ownerId': 'ownerId', '#status': 'status' },
      expressionValues: {
        ':and_0_version_eq': { N: 3 },
        ':and_1_ownerId_eq': { S: 'owner-sub' },
        ':and_2_or_0_status_eq': { S: 'DRAFT' },
        ':and_2_or_1_status_eq': { S: 'PUBLISHED' },
        ':and_2_or_2_status_eq': { S: 'ACTIVE' },
      },
    });
  });

  it('conditions an admin\'s status change on the version and the lifecycle', async () => {
    const request = returned(await updateOf(storedEvent({ status: 'DRAFT', version: 1 }), { status: 'PUBLISHED' }, ADMIN));
    expect(request.condition).toEqual({
      expression: '((#version = :and_0_version_eq) AND (#status = :and_1_or_0_status_eq))',
      expressionNames: { '#version': 'version', '#status': 'status' },
      expressionValues: { ':and_0_version_eq': { N: 1 }, ':and_1_or_0_status_eq': { S: 'DRAFT' } },
    });
  });

  it('adds no lifecycle condition when the status stays the same', async () => {
    const request = returned(await updateOf(storedEvent({ status: 'ACTIVE' }), { status: 'ACTIVE', title: 'Renamed' }));
    expect(request.condition.expressionNames).toEqual({ '#version': 'version', '#ownerId': 'ownerId' });
  });

  const STATUSES: EventStatus[] = ['DRAFT', 'PUBLISHED', 'ACTIVE', 'COMPLETED', 'CANCELLED'];
  const ALLOWED = ['DRAFT→PUBLISHED', 'PUBLISHED→ACTIVE', 'ACTIVE→COMPLETED', 'DRAFT→CANCELLED', 'PUBLISHED→CANCELLED', 'ACTIVE→CANCELLED'];
  const transitions = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => [from, to]));

  it.each(transitions.filter(([from, to]) => ALLOWED.includes(`${from}→${to}`)))('allows %s → %s', async (from, to) => {
    const request = returned(await updateOf(storedEvent({ status: from }), { status: to }));
    expect(request.update.expressionNames['#expName_1']).toBe('status');
    expect(request.update.expressionValues[':expValue_1']).toEqual({ S: to });
    expect(Object.values(request.condition.expressionValues)).toContainEqual({ S: from });
  });

  it.each(transitions.filter(([from, to]) => !ALLOWED.includes(`${from}→${to}`)))(
    'refuses %s → %s with InvalidTransitionError, before writing',
    async (from, to) => {
      const error = raised(await updateOf(storedEvent({ status: from }), { status: to }, ADMIN));
      expect(error.errorType).toBe('InvalidTransitionError');
      expect(error.message).toBe(`Event e-1 cannot go from ${from} to ${to}`);
      expect(error.errorInfo).toEqual({ eventId: 'e-1', from, to });
    },
  );

  it('refuses an API-key caller as Unauthorized', async () => {
    const error = raised(
      await updateEventItem.request({
        arguments: { eventId: 'e-1', input: { title: 'x' } },
        identity: API_KEY_CALLER,
        stash: { changes: { title: 'x' } },
        prev: { result: storedEvent() },
      }),
    );
    expect(error.errorType).toBe('Unauthorized');
  });
});

describe('updateEventItem response', () => {
  it('returns the event as written', async () => {
    const updated = storedEvent({ version: 4, title: 'New title' });
    const response = await updateEventItem.response({ arguments: { eventId: 'e-1', input: {} }, identity: OWNER, result: updated });
    expect(returned(response)).toEqual(updated);
  });

  // On a failed condition AppSync hands the item as stored now to the response handler:
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
  it('answers ConflictError with the version read and the version stored now when another write won', async () => {
    const response = await updateEventItem.response({
      arguments: { eventId: 'e-1', input: {} },
      identity: OWNER,
      prev: { result: storedEvent({ version: 3 }) },
      result: storedEvent({ version: 4 }),
      error: dataSourceError('ConditionalCheckFailedException'),
    });
    const error = raised(response);
    expect(error.errorType).toBe('ConflictError');
    expect(error.message).toBe('Event e-1 is at version 4, not 3: read it again and retry');
    expect(error.errorInfo).toEqual({ eventId: 'e-1', expectedVersion: 3, actualVersion: 4 });
  });

  it('answers NotFoundError when another request deleted the event between the read and the write', async () => {
    const response = await updateEventItem.response({
      arguments: { eventId: 'e-1', input: {} },
      identity: OWNER,
      prev: { result: storedEvent({ version: 3 }) },
      result: null,
      error: dataSourceError('ConditionalCheckFailedException'),
    });
    expect(raised(response)).toMatchObject({ errorType: 'NotFoundError', errorInfo: { eventId: 'e-1' } });
  });

  it('reports any other DynamoDB failure as an InternalError that reveals nothing of the table', async () => {
    const response = await updateEventItem.response({
      arguments: { eventId: 'e-1', input: {} },
      identity: OWNER,
      error: dataSourceError('ValidationException'),
    });
    expectOpaqueInternalError(response);
  });
});
