import { describe, expect, it } from 'vitest';
import { eventInput } from '../../test/support/event-operations.ts';
import { ADMIN, API_KEY_CALLER, dataSourceError, OWNER, storedEvent } from '../../test/support/resolver-fixtures.ts';
import { expectOpaqueInternalError, functionUnderTest, raised, returned } from '../../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// PutItem request fields: https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html#js-aws-appsync-resolver-reference-dynamodb-putitem

// The first step of Mutation.createEvent: without a clientToken it puts the event itself.
const createEvent = await functionUnderTest('putNewEvent', 'Mutation.createEvent');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('putNewEvent request', () => {
  it('puts a new event owned by the caller, at version 1, only where no event has its id', async () => {
    const response = await createEvent.request({
      arguments: { input: eventInput({ title: '  Serverless meetup  ', date: '2025-06-01T20:30:00+02:00' }) },
      identity: OWNER,
    });
    const request = returned(response);
    expect(request).toEqual({
      operation: 'PutItem',
      key: { eventId: { S: expect.stringMatching(UUID) } },
      attributeValues: {
        title: { S: 'Serverless meetup' },
        description: { S: 'Talks about AppSync and DynamoDB' },
        date: { S: '2025-06-01T18:30:00.000Z' },
        location: { S: 'Berlin' },
        capacity: { N: 120 },
        organizer: { S: 'Cloud Guild' },
        status: { S: 'DRAFT' },
        ownerId: { S: 'owner-sub' },
        itemType: { S: 'EVENT' },
        createdAt: { S: expect.stringMatching(UTC_TIMESTAMP) },
        updatedAt: { S: expect.stringMatching(UTC_TIMESTAMP) },
        version: { N: 1 },
      },
      condition: {
        expression: '(attribute_not_exists(#eventId))',
        expressionNames: { '#eventId': 'eventId' },
        expressionValues: {},
      },
    });
    expect(request.attributeValues.updatedAt).toEqual(request.attributeValues.createdAt);
  });

  it('takes the owner from the token, never from the input', async () => {
    const response = await createEvent.request({
      arguments: { input: { ...eventInput(), ownerId: 'someone-else' } },
      identity: ADMIN,
    });
    expect(returned(response).attributeValues.ownerId).toEqual({ S: 'admin-sub' });
  });

  it('creates a PUBLISHED event when asked to', async () => {
    const response = await createEvent.request({ arguments: { input: eventInput({ status: 'PUBLISHED' }) }, identity: OWNER });
    expect(returned(response).attributeValues.status).toEqual({ S: 'PUBLISHED' });
  });

  it('refuses an API-key caller: an event needs an owner', async () => {
    const error = raised(await createEvent.request({ arguments: { input: eventInput() }, identity: API_KEY_CALLER }));
    expect(error.errorType).toBe('Unauthorized');
    expect(error.message).toBe('Not Authorized to access createEvent on type Mutation');
  });

  it.each(['ACTIVE', 'COMPLETED', 'CANCELLED'])('refuses to create an event in status %s', async (status) => {
    const error = raised(await createEvent.request({ arguments: { input: eventInput({ status }) }, identity: OWNER }));
    expect(error.errorInfo).toEqual({
      failures: [{ field: 'input.status', rule: 'INITIAL_STATUS', message: 'input.status must be DRAFT or PUBLISHED for a new event' }],
    });
  });

  it('reports every broken rule at once, naming each field', async () => {
    const input = {
      title: '   ',
      description: 'd'.repeat(2001),
      date: '2025-02-29',
      location: 'l'.repeat(501),
      capacity: 0,
      organizer: 'o'.repeat(201),
      status: 'ACTIVE',
    };
    const error = raised(await createEvent.request({ arguments: { input }, identity: OWNER }));
    expect(error.errorType).toBe('ValidationError');
    expect(error.errorInfo).toEqual({
      failures: [
        { field: 'input.title', rule: 'LENGTH', message: 'input.title must be 1 to 200 characters (after trimming)' },
        { field: 'input.description', rule: 'LENGTH', message: 'input.description must be 1 to 2000 characters (after trimming)' },
        { field: 'input.location', rule: 'LENGTH', message: 'input.location must be 1 to 500 characters (after trimming)' },
        { field: 'input.organizer', rule: 'LENGTH', message: 'input.organizer must be 1 to 200 characters (after trimming)' },
        { field: 'input.capacity', rule: 'RANGE', message: 'input.capacity must be an integer from 1 to 100000' },
        {
          field: 'input.date',
          rule: 'ISO8601_DATE',
          message: 'input.date must be a real calendar date in ISO 8601, e.g. 2025-06-01 or 2025-06-01T18:30:00Z',
        },
        { field: 'input.status', rule: 'INITIAL_STATUS', message: 'input.status must be DRAFT or PUBLISHED for a new event' },
      ],
    });
    expect(error.message).toMatch(/^Invalid input: input\.title must be 1 to 200 characters \(after trimming\); input\.description/);
  });

  it.each([
    ['a title of 201 characters', { title: 't'.repeat(201) }, 'input.title'],
    ['a capacity above 100,000', { capacity: 100_001 }, 'input.capacity'],
    ['a date without a zone', { date: '2025-06-01T18:30:00' }, 'input.date'],
    ['a date that is not one', { date: 'next friday' }, 'input.date'],
    ['a date whose UTC moment is in the year 10000', { date: '9999-12-31T23:00:00-02:00' }, 'input.date'],
  ])('refuses %s', async (_, overrides, field) => {
    const error = raised(await createEvent.request({ arguments: { input: eventInput(overrides) }, identity: OWNER }));
    expect(error.errorInfo).toEqual({ failures: [expect.objectContaining({ field })] });
  });

  it('takes every field at its limits: 200, 2000, 500 and 200 characters, capacity 1 and 100,000', async () => {
    const limits = { title: 't'.repeat(200), description: 'd'.repeat(2000), location: 'l'.repeat(500), organizer: 'o'.repeat(200) };
    for (const capacity of [1, 100_000]) {
      const response = await createEvent.request({ arguments: { input: eventInput({ ...limits, capacity }) }, identity: OWNER });
      expect(returned(response).attributeValues.capacity).toEqual({ N: capacity });
    }
  });
});

describe('putNewEvent response', () => {
  it('returns the created event', async () => {
    const created = storedEvent({ version: 1, status: 'DRAFT' });
    const response = await createEvent.response({ arguments: { input: eventInput() }, identity: OWNER, result: created });
    expect(returned(response)).toEqual(created);
  });

  it('reports a DynamoDB failure as an InternalError that reveals nothing of the table', async () => {
    const response = await createEvent.response({
      arguments: { input: eventInput() },
      identity: OWNER,
      error: dataSourceError('ConditionalCheckFailedException'),
    });
    expectOpaqueInternalError(response);
  });
});
