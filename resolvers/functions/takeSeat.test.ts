import { describe, expect, it } from 'vitest';
import { dataSourceError, OWNER } from '../../test/support/resolver-fixtures.ts';
import { expectOpaqueInternalError, functionUnderTest, raised, returned } from '../../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// How takeSeat reads a cancelled TransactWriteItems: AppSync sets ctx.error and
// puts one cancellation reason per item in ctx.result, in request order.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html

const takeSeat = await functionUnderTest('takeSeat', 'Mutation.registerForEvent');

const registration = { eventId: 'e-1', userId: 'owner-sub', createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z' };
const env = { EVENTS_TABLE: 'events-table', REGISTRATIONS_TABLE: 'registrations-table' };
const PARTS = ['registration', 'event', 'seats'];

function cancelledWith(types: string[]) {
  return takeSeat.response({
    arguments: { eventId: 'e-1' },
    identity: OWNER,
    env,
    stash: { registration, transactionParts: PARTS },
    error: dataSourceError('TransactionCanceledException'),
    result: { keys: null, cancellationReasons: types.map((type) => ({ type, message: type })) },
  });
}

describe('takeSeat request', () => {
  it('adds 1 to confirmedCount only while it is below capacity, with the registration and the open-event check', async () => {
    const request = returned(
      await takeSeat.request({
        arguments: { eventId: 'e-1' },
        identity: OWNER,
        env,
        stash: { registration, seats: { capacity: 100, confirmedCount: 7, waitlistCount: 0 } },
      }),
    );
    expect(request.operation).toBe('TransactWriteItems');
    expect(request.transactItems.map((item: { table: string; operation: string }) => [item.table, item.operation])).toEqual([
      ['registrations-table', 'PutItem'],
      ['events-table', 'ConditionCheck'],
      ['registrations-table', 'UpdateItem'],
    ]);
    expect(request.transactItems[1].condition.expression).toBe('#status IN (:published, :active)');
    expect(request.transactItems[2].condition.expression).toBe('attribute_not_exists(#pk) OR #confirmed < #capacity');
  });
});

describe('takeSeat response', () => {
  it('returns the CONFIRMED registration when the transaction committed', async () => {
    const output = await takeSeat.response({
      arguments: { eventId: 'e-1' },
      identity: OWNER,
      env,
      stash: { registration, transactionParts: PARTS },
      result: { keys: [], cancellationReasons: null },
    });
    expect(returned(output)).toMatchObject({ ...registration, status: 'CONFIRMED' });
  });

  it.each(['ConditionalCheckFailed', 'ConditionCheckFailed'])(
    'sends a repeat (%s on the registration) on to read the existing registration',
    async (type) => {
      const output = await cancelledWith([type, 'None', 'None']);
      expect(returned(output)).toBeNull();
      expect(JSON.parse(output.stash)).toMatchObject({ settle: 'registration' });
    },
  );

  it('answers RegistrationClosedError when the event is no longer open', async () => {
    const error = raised(await cancelledWith(['None', 'ConditionalCheckFailed', 'None']));
    expect(error).toMatchObject({ errorType: 'RegistrationClosedError', errorInfo: { eventId: 'e-1' } });
  });

  it('goes on to the waitlist when the last seat went meanwhile', async () => {
    const output = await cancelledWith(['None', 'None', 'ConditionalCheckFailed']);
    expect(returned(output)).toBeNull();
    expect(JSON.parse(output.stash)).toMatchObject({ waitlist: true });
  });

  it('answers a TransactionConflict with a retryable ConflictError, never an InternalError', async () => {
    const error = raised(await cancelledWith(['None', 'None', 'TransactionConflict']));
    expect(error).toMatchObject({ errorType: 'ConflictError', errorInfo: { eventId: 'e-1', retryable: true } });
  });

  it('reports any other cancellation as an InternalError that reveals nothing of the table', async () => {
    expectOpaqueInternalError(await cancelledWith(['None', 'ValidationError', 'None']));
  });
});
