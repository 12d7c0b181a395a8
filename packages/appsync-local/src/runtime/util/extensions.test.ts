import { describe, expect, it } from 'vitest';
import { createExtensions } from './extensions.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html

describe('extensions', () => {
  it('records each call in the log and otherwise does nothing', () => {
    const logs: string[] = [];
    const extensions = createExtensions({ appendError: () => undefined, log: (line) => logs.push(line), authType: 'API Key Authorization' });
    extensions.setSubscriptionFilter({ filterGroup: [] });
    extensions.setSubscriptionInvalidationFilter({ filterGroup: [] });
    extensions.invalidateSubscriptions({ subscriptionField: 'onEvent', payload: { id: 1 } });
    extensions.evictFromApiCache('Query', 'getEvent', { 'context.arguments.id': 1 });
    expect(logs).toEqual([
      'extensions.setSubscriptionFilter({"filterGroup":[]}) ignored: the local runtime has no subscriptions',
      'extensions.setSubscriptionInvalidationFilter({"filterGroup":[]}) ignored: the local runtime has no subscriptions',
      'extensions.invalidateSubscriptions({"subscriptionField":"onEvent","payload":{"id":1}}) ignored: the local runtime has no subscriptions',
      'extensions.evictFromApiCache("Query", "getEvent", {"context.arguments.id":1}) ignored: the local runtime has no API cache',
    ]);
  });
});
