import { describe, expect, it } from 'vitest';
import { ADMIN, API_KEY_CALLER, dataSourceError, OTHER_USER, OWNER, storedEvent } from '../test/support/resolver-fixtures.ts';
import { expectOpaqueInternalError, raised, resolverUnderTest, returned } from '../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html

const getEvent = await resolverUnderTest('Query.getEvent');

describe('Query.getEvent request', () => {
  it('reads the event by its key', async () => {
    const response = await getEvent.request({ arguments: { eventId: 'e-1' }, identity: API_KEY_CALLER });
    expect(returned(response)).toEqual({ operation: 'GetItem', key: { eventId: { S: 'e-1' } } });
  });

  it.each([
    ['blank', '   '],
    ['longer than 128 characters', 'x'.repeat(129)],
  ])('refuses an eventId that is %s with a ValidationError naming it', async (_, eventId) => {
    const error = raised(await getEvent.request({ arguments: { eventId }, identity: OWNER }));
    expect(error.errorType).toBe('ValidationError');
    expect(error.message).toBe('Invalid input: eventId must be 1 to 128 characters');
    expect(error.errorInfo).toEqual({
      failures: [{ field: 'eventId', rule: 'LENGTH', message: 'eventId must be 1 to 128 characters' }],
    });
  });

  it('takes an eventId of exactly 128 characters', async () => {
    const eventId = 'x'.repeat(128);
    const response = await getEvent.request({ arguments: { eventId }, identity: OWNER });
    expect(returned(response).key).toEqual({ eventId: { S: eventId } });
  });
});

describe('Query.getEvent response', () => {
  it('returns a published event to an API-key caller', async () => {
    const event = storedEvent({ status: 'PUBLISHED' });
    const response = await getEvent.response({ arguments: { eventId: 'e-1' }, identity: API_KEY_CALLER, result: event });
    expect(returned(response)).toEqual(event);
  });

  it('returns null when there is no such event', async () => {
    const response = await getEvent.response({ arguments: { eventId: 'e-1' }, identity: OWNER, result: null });
    expect(returned(response)).toBeNull();
  });

  it.each([
    ['an API-key caller', API_KEY_CALLER],
    ['another signed-in user', OTHER_USER],
  ])('hides a draft from %s, as if it did not exist', async (_, identity) => {
    const response = await getEvent.response({ arguments: { eventId: 'e-1' }, identity, result: storedEvent({ status: 'DRAFT' }) });
    expect(returned(response)).toBeNull();
  });

  it.each([
    ['its owner', OWNER],
    ['an admin', ADMIN],
  ])('shows a draft to %s', async (_, identity) => {
    const draft = storedEvent({ status: 'DRAFT' });
    const response = await getEvent.response({ arguments: { eventId: 'e-1' }, identity, result: draft });
    expect(returned(response)).toEqual(draft);
  });

  it('reports a DynamoDB failure as an InternalError that reveals nothing of the table', async () => {
    const response = await getEvent.response({
      arguments: { eventId: 'e-1' },
      identity: OWNER,
      error: dataSourceError('ProvisionedThroughputExceededException'),
    });
    expectOpaqueInternalError(response);
    expect(response.logs).toEqual([expect.stringContaining('data source error: DynamoDB:ProvisionedThroughputExceededException')]);
  });
});
