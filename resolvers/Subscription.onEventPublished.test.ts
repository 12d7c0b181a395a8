import { describe, expect, it } from 'vitest';
import { API_KEY_CALLER, OWNER } from '../test/support/resolver-fixtures.ts';
import { extensionCalls, raised, resolverUnderTest, returned } from '../test/support/resolver-handlers.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html

const onEventPublished = await resolverUnderTest('Subscription.onEventPublished');

const published = { fieldName: 'status', operator: 'eq', value: 'PUBLISHED' };
const created = { fieldName: 'version', operator: 'eq', value: 1 };
const fromDraft = { fieldName: 'previousStatus', operator: 'eq', value: 'DRAFT' };

describe('Subscription.onEventPublished', () => {
  it('calls nothing: the NONE data source gets a null payload', async () => {
    expect(returned(await onEventPublished.request({ arguments: {}, identity: API_KEY_CALLER }))).toEqual({ payload: null });
  });

  it('refuses myRegistration', async () => {
    const output = await onEventPublished.request({ arguments: {}, identity: OWNER, info: { selectionSetList: ['myRegistration/status'] } });
    expect(raised(output).errorType).toBe('ValidationError');
  });

  it('passes events created as PUBLISHED or moved there from DRAFT, not edits of published ones', async () => {
    const output = await onEventPublished.response({ arguments: {}, identity: API_KEY_CALLER });
    expect(returned(output)).toBeNull();
    expect(extensionCalls(output, 'setSubscriptionFilter')).toEqual([
      { filterGroup: [{ filters: [published, created] }, { filters: [published, fromDraft] }] },
    ]);
  });

  it("narrows to one organizer when asked", async () => {
    const output = await onEventPublished.response({ arguments: { organizer: 'Cloud Guild' }, identity: OWNER });
    const organizer = { fieldName: 'organizer', operator: 'eq', value: 'Cloud Guild' };
    expect(extensionCalls(output, 'setSubscriptionFilter')).toEqual([
      { filterGroup: [{ filters: [published, organizer, created] }, { filters: [published, organizer, fromDraft] }] },
    ]);
  });
});
