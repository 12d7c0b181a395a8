import { describe, expect, it } from 'vitest';
import { API_KEY_CALLER, OWNER, storedEvent } from '../test/support/resolver-fixtures.ts';
import { raised, resolverUnderTest, returned } from '../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// The pipeline's own handlers: `request` runs before readEventForWrite →
// updateEventItem, `response` after them.
// https://docs.aws.amazon.com/appsync/latest/devguide/pipeline-resolvers-js.html

const updateEvent = await resolverUnderTest('Mutation.updateEvent');

describe('Mutation.updateEvent request', () => {
  it('stashes the changes in their stored form for updateEventItem, and reads nothing itself', async () => {
    const response = await updateEvent.request({
      arguments: {
        eventId: 'e-1',
        expectedVersion: 3,
        input: { title: '  New title ', date: '2025-07-01T09:00:00-04:00', capacity: 80, status: 'CANCELLED' },
      },
      identity: OWNER,
    });
    expect(returned(response)).toEqual({});
    expect(JSON.parse(response.stash)).toEqual({
      changes: { title: 'New title', date: '2025-07-01T13:00:00.000Z', capacity: 80, status: 'CANCELLED' },
    });
  });

  it('checks the input before the pipeline reads anything, whoever calls', async () => {
    const error = raised(await updateEvent.request({ arguments: { eventId: 'e-1', input: {} }, identity: API_KEY_CALLER }));
    expect(error.errorType).toBe('ValidationError');
  });

  it('refuses an input that changes nothing', async () => {
    const error = raised(await updateEvent.request({ arguments: { eventId: 'e-1', input: {} }, identity: OWNER }));
    expect(error.errorInfo).toEqual({
      failures: [{ field: 'input', rule: 'NOT_EMPTY', message: 'input must change at least one field' }],
    });
  });

  it('refuses fields given as null: every event keeps them all', async () => {
    const error = raised(
      await updateEvent.request({ arguments: { eventId: 'e-1', input: { title: null, status: null } }, identity: OWNER }),
    );
    expect(error.errorInfo).toEqual({
      failures: [
        { field: 'input.title', rule: 'NOT_NULL', message: 'input.title cannot be null' },
        { field: 'input.status', rule: 'NOT_NULL', message: 'input.status cannot be null' },
      ],
    });
  });

  it('reports every broken rule at once, naming each field', async () => {
    const error = raised(
      await updateEvent.request({
        arguments: {
          eventId: ' ',
          expectedVersion: 0,
          input: { description: null, title: '', location: 'l'.repeat(501), capacity: -5, date: '2025-13-01' },
        },
        identity: OWNER,
      }),
    );
    expect(error.errorType).toBe('ValidationError');
    expect(error.errorInfo).toEqual({
      failures: [
        { field: 'eventId', rule: 'LENGTH', message: 'eventId must be 1 to 128 characters' },
        { field: 'expectedVersion', rule: 'RANGE', message: 'expectedVersion must be 1 or more' },
        { field: 'input.description', rule: 'NOT_NULL', message: 'input.description cannot be null' },
        { field: 'input.title', rule: 'LENGTH', message: 'input.title must be 1 to 200 characters (after trimming)' },
        { field: 'input.location', rule: 'LENGTH', message: 'input.location must be 1 to 500 characters (after trimming)' },
        { field: 'input.capacity', rule: 'RANGE', message: 'input.capacity must be an integer from 1 to 100000' },
        {
          field: 'input.date',
          rule: 'ISO8601_DATE',
          message: 'input.date must be a real calendar date in ISO 8601, e.g. 2025-06-01 or 2025-06-01T18:30:00Z',
        },
      ],
    });
  });

  it('takes an update without expectedVersion', async () => {
    const response = await updateEvent.request({ arguments: { eventId: 'e-1', input: { capacity: 1 } }, identity: OWNER });
    expect(JSON.parse(response.stash)).toEqual({ changes: { capacity: 1 } });
  });
});

describe('Mutation.updateEvent response', () => {
  it("returns the updated event, updateEventItem's result, with the status it had before for onEventPublished", async () => {
    const updated = storedEvent({ version: 4 });
    const response = await updateEvent.response({
      arguments: { eventId: 'e-1', input: {} },
      identity: OWNER,
      prev: { result: updated },
      stash: { previousStatus: 'DRAFT' },
    });
    expect(returned(response)).toEqual({ ...updated, previousStatus: 'DRAFT' });
  });
});
