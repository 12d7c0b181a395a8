import { describe, expect, it } from 'vitest';
import { ADMIN, API_KEY_CALLER, OTHER_USER, OWNER } from '../test/support/resolver-fixtures.ts';
import { extensionCalls, raised, resolverUnderTest, returned } from '../test/support/resolver-handlers.ts';

// The subscription resolver runs when a client subscribes; its filters decide
// what reaches the subscriber.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html

const onEventChanged = await resolverUnderTest('Subscription.onEventChanged');

function filterFor(identity: Record<string, unknown>) {
  return onEventChanged.response({ arguments: { eventId: 'e-1' }, identity });
}

const thisEvent = { fieldName: 'eventId', operator: 'eq', value: 'e-1' };
const notDraft = { fieldName: 'status', operator: 'ne', value: 'DRAFT' };

describe('Subscription.onEventChanged request', () => {
  it('calls nothing: the NONE data source gets a null payload', async () => {
    const output = await onEventChanged.request({ arguments: { eventId: 'e-1' }, identity: API_KEY_CALLER });
    expect(returned(output)).toEqual({ payload: null });
  });

  it('refuses a blank eventId', async () => {
    const error = raised(await onEventChanged.request({ arguments: { eventId: ' ' }, identity: OWNER }));
    expect(error.errorType).toBe('ValidationError');
  });

  it('refuses myRegistration, which would be the registration of whoever made the change, also behind an alias or a fragment', async () => {
    for (const info of [
      { selectionSetList: ['eventId', 'myRegistration', 'myRegistration/status'] },
      { selectionSetList: ['eventId', 'mine', 'mine/status'], selectionSetGraphQL: '{\n  eventId\n  mine: myRegistration {\n    status\n  }\n}' },
      // fragment Seats on Event { mine: myRegistration { userId } }, spread as ...Seats
      { selectionSetList: ['eventId', 'mine', 'mine/userId'], selectionSetGraphQL: '{\n  eventId\n  ...Seats\n}' },
    ]) {
      const error = raised(await onEventChanged.request({ arguments: { eventId: 'e-1' }, identity: OWNER, info }));
      expect(error.errorType).toBe('ValidationError');
      expect(error.message).toMatch(/^myRegistration cannot be selected in a subscription/);
    }
  });
});

describe('Subscription.onEventChanged response', () => {
  it('lets API-key subscribers receive only this event, and never as a draft', async () => {
    const output = await filterFor(API_KEY_CALLER);
    expect(returned(output)).toBeNull();
    expect(extensionCalls(output, 'setSubscriptionFilter')).toEqual([{ filterGroup: [{ filters: [thisEvent, notDraft] }] }]);
  });

  it("lets a signed-in user receive this event when it is not a draft, or is their own draft", async () => {
    expect(extensionCalls(await filterFor(OTHER_USER), 'setSubscriptionFilter')).toEqual([
      {
        filterGroup: [
          { filters: [thisEvent, notDraft] },
          { filters: [thisEvent, { fieldName: 'ownerId', operator: 'eq', value: OTHER_USER.sub }] },
        ],
      },
    ]);
  });

  it('lets admins receive every change of this event', async () => {
    expect(extensionCalls(await filterFor(ADMIN), 'setSubscriptionFilter')).toEqual([{ filterGroup: [{ filters: [thisEvent] }] }]);
  });

  it('ends the subscription when a mutation invalidates this eventId', async () => {
    expect(extensionCalls(await filterFor(OWNER), 'setSubscriptionInvalidationFilter')).toEqual([
      { filterGroup: [{ filters: [thisEvent] }] },
    ]);
  });
});
