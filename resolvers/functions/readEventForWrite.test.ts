import { describe, expect, it } from 'vitest';
import { ADMIN, API_KEY_CALLER, dataSourceError, OTHER_USER, OWNER, storedEvent } from '../../test/support/resolver-fixtures.ts';
import { expectOpaqueInternalError, functionUnderTest, raised, returned } from '../../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// The first step of Mutation.updateEvent and Mutation.deleteEvent.

const inUpdate = await functionUnderTest('readEventForWrite', 'Mutation.updateEvent');
const inDelete = await functionUnderTest('readEventForWrite', 'Mutation.deleteEvent');

const current = storedEvent({ version: 3 });

describe('readEventForWrite request', () => {
  it('reads the event with a strongly consistent read, so the version is the latest', async () => {
    const response = await inUpdate.request({ arguments: { eventId: 'e-1', input: { title: 'x' } }, identity: OWNER });
    expect(returned(response)).toEqual({ operation: 'GetItem', key: { eventId: { S: 'e-1' } }, consistentRead: true });
  });
});

describe('readEventForWrite response', () => {
  it.each([
    ['the owner', OWNER],
    ['an admin', ADMIN],
  ])('hands the event on to the write for %s', async (_, identity) => {
    const response = await inUpdate.response({ arguments: { eventId: 'e-1' }, identity, result: current });
    expect(returned(response)).toEqual(current);
  });

  it('stashes the status the write changes, for the previousStatus of the result', async () => {
    const response = await inUpdate.response({ arguments: { eventId: 'e-1' }, identity: OWNER, result: current });
    expect(JSON.parse(response.stash)).toEqual({ previousStatus: current.status });
  });

  it('hands the event on when expectedVersion is the current version', async () => {
    const response = await inDelete.response({ arguments: { eventId: 'e-1', expectedVersion: 3 }, identity: OWNER, result: current });
    expect(returned(response)).toEqual(current);
  });

  it('answers NotFoundError when there is no such event', async () => {
    const error = raised(await inUpdate.response({ arguments: { eventId: 'e-404' }, identity: OWNER, result: null }));
    expect(error).toMatchObject({ errorType: 'NotFoundError', message: 'No event with id e-404', errorInfo: { eventId: 'e-404' } });
  });

  it("refuses another user's event as Unauthorized", async () => {
    const error = raised(await inUpdate.response({ arguments: { eventId: 'e-1' }, identity: OTHER_USER, result: current }));
    expect(error.errorType).toBe('Unauthorized');
    expect(error.message).toBe('Not Authorized to access updateEvent on type Mutation');
  });

  it('refuses an API-key caller as Unauthorized', async () => {
    const error = raised(await inDelete.response({ arguments: { eventId: 'e-1' }, identity: API_KEY_CALLER, result: current }));
    expect(error.errorType).toBe('Unauthorized');
    expect(error.message).toBe('Not Authorized to access deleteEvent on type Mutation');
  });

  it('answers ConflictError, with both versions, when expectedVersion is stale', async () => {
    const error = raised(
      await inUpdate.response({ arguments: { eventId: 'e-1', expectedVersion: 2 }, identity: OWNER, result: current }),
    );
    expect(error.errorType).toBe('ConflictError');
    expect(error.message).toBe('Event e-1 is at version 3, not 2: read it again and retry');
    expect(error.errorInfo).toEqual({ eventId: 'e-1', expectedVersion: 2, actualVersion: 3 });
  });

  it('checks ownership before the version: a stranger learns nothing of the version', async () => {
    const error = raised(
      await inUpdate.response({ arguments: { eventId: 'e-1', expectedVersion: 2 }, identity: OTHER_USER, result: current }),
    );
    expect(error.errorType).toBe('Unauthorized');
  });

  it('reports a DynamoDB failure as an InternalError that reveals nothing of the table', async () => {
    const response = await inUpdate.response({
      arguments: { eventId: 'e-1' },
      identity: OWNER,
      error: dataSourceError('RequestLimitExceeded'),
    });
    expectOpaqueInternalError(response);
  });
});
