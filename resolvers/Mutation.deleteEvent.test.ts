import { describe, expect, it } from 'vitest';
import { OWNER, storedEvent } from '../test/support/resolver-fixtures.ts';
import { extensionCalls, raised, resolverUnderTest, returned } from '../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// The pipeline's own handlers: `request` runs before readEventForWrite →
// deleteEventItem, `response` after them.
// https://docs.aws.amazon.com/appsync/latest/devguide/pipeline-resolvers-js.html

const deleteEvent = await resolverUnderTest('Mutation.deleteEvent');

describe('Mutation.deleteEvent request', () => {
  it('lets the pipeline go on when the arguments are valid', async () => {
    const response = await deleteEvent.request({ arguments: { eventId: 'e-1', expectedVersion: 1 }, identity: OWNER });
    expect(returned(response)).toEqual({});
  });

  it('reports a bad eventId and a bad expectedVersion at once', async () => {
    const error = raised(
      await deleteEvent.request({ arguments: { eventId: '', expectedVersion: -1 }, identity: OWNER }),
    );
    expect(error.errorType).toBe('ValidationError');
    expect(error.message).toBe('Invalid input: eventId must be 1 to 128 characters; expectedVersion must be 1 or more');
    expect(error.errorInfo).toEqual({
      failures: [
        { field: 'eventId', rule: 'LENGTH', message: 'eventId must be 1 to 128 characters' },
        { field: 'expectedVersion', rule: 'RANGE', message: 'expectedVersion must be 1 or more' },
      ],
    });
  });
});

describe('Mutation.deleteEvent response', () => {
  it("returns the deleted event, deleteEventItem's result, with the time of its deletion", async () => {
    const deleted = storedEvent();
    const response = await deleteEvent.response({ arguments: { eventId: 'e-1' }, identity: OWNER, prev: { result: deleted } });
    const { deletedAt, ...event } = returned(response);
    expect(event).toEqual(deleted);
    expect(Date.parse(deletedAt)).toBeGreaterThan(Date.parse('2025-01-01T00:00:00Z'));
  });

  it("ends the event's onEventChanged subscriptions: it changes no more", async () => {
    const response = await deleteEvent.response({ arguments: { eventId: 'e-1' }, identity: OWNER, prev: { result: storedEvent() } });
    expect(extensionCalls(response, 'invalidateSubscriptions')).toEqual([
      { subscriptionField: 'onEventChanged', payload: { eventId: 'e-1' } },
    ]);
  });
});
