import { describe, expect, it } from 'vitest';
import { newRequestUsage, type EvaluationScope, type ResolverError } from '../../types.ts';
import { createExtensions, INVALIDATION_LIMIT_ERROR } from './extensions.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html

describe('extensions', () => {
  it('logs each call and records the subscription calls in the request usage', () => {
    const logs: string[] = [];
    const requestUsage = newRequestUsage();
    const extensions = createExtensions({ appendError: () => undefined, log: (line) => logs.push(line), authType: 'API Key Authorization', requestUsage });
    extensions.setSubscriptionFilter({ filterGroup: [] });
    extensions.setSubscriptionInvalidationFilter({ filterGroup: [] });
    extensions.invalidateSubscriptions({ subscriptionField: 'onEvent', payload: { id: 1 } });
    extensions.evictFromApiCache('Query', 'getEvent', { 'context.arguments.id': 1 });
    expect(logs).toEqual([
      'extensions.setSubscriptionFilter({"filterGroup":[]})',
      'extensions.setSubscriptionInvalidationFilter({"filterGroup":[]})',
      'extensions.invalidateSubscriptions({"subscriptionField":"onEvent","payload":{"id":1}})',
      'extensions.evictFromApiCache("Query", "getEvent", {"context.arguments.id":1}) ignored: the local runtime has no API cache',
    ]);
    expect(requestUsage.subscriptionFilter).toEqual({ filterGroup: [] });
    expect(requestUsage.subscriptionInvalidationFilter).toEqual({ filterGroup: [] });
    expect([...requestUsage.subscriptionInvalidations]).toEqual(['{"subscriptionField":"onEvent","payload":{"id":1}}']);
  });
});

function recordingScope(requestUsage = newRequestUsage()) {
  const logs: string[] = [];
  const errors: ResolverError[] = [];
  const scope: EvaluationScope = {
    appendError: (error) => errors.push(error),
    log: (line) => logs.push(line),
    authType: 'API Key Authorization',
    requestUsage,
  };
  return { scope, logs, errors };
}

describe('extensions-js limits', () => {
  it('allows five unique invalidateSubscriptions() calls per request; the sixth adds a GraphQL error (our wording)', () => {
    const { scope, logs, errors } = recordingScope();
    const extensions = createExtensions(scope);
    for (const id of [1, 2, 3, 4, 5, 1, 2]) {
      extensions.invalidateSubscriptions({ subscriptionField: 'onEventChanged', payload: { id } });
    }
    expect(errors).toEqual([]);
    expect(logs).toHaveLength(7);
    extensions.invalidateSubscriptions({ subscriptionField: 'onEventChanged', payload: { id: 6 } });
    expect(errors).toEqual([INVALIDATION_LIMIT_ERROR]);
    expect(logs).toHaveLength(7);
  });

  it('counts the unique calls across every resolver of one request, and afresh for the next request', () => {
    const request = newRequestUsage();
    const first = recordingScope(request);
    const second = recordingScope(request);
    for (const id of [1, 2, 3]) {
      createExtensions(first.scope).invalidateSubscriptions({ subscriptionField: 'onA', payload: { id } });
    }
    for (const id of [4, 5, 6]) {
      createExtensions(second.scope).invalidateSubscriptions({ subscriptionField: 'onA', payload: { id } });
    }
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([INVALIDATION_LIMIT_ERROR]);
    const nextRequest = recordingScope();
    createExtensions(nextRequest.scope).invalidateSubscriptions({ subscriptionField: 'onA', payload: { id: 6 } });
    expect(nextRequest.errors).toEqual([]);
  });

  it('applies no count limit to setSubscriptionInvalidationFilter, for which the page documents none', () => {
    const { scope, logs, errors } = recordingScope();
    const extensions = createExtensions(scope);
    for (let group = 0; group < 10; group += 1) {
      extensions.setSubscriptionInvalidationFilter({ filterGroup: [{ filters: [{ fieldName: 'id', operator: 'eq', value: group }] }] });
    }
    expect(errors).toEqual([]);
    expect(logs).toHaveLength(10);
  });
});
