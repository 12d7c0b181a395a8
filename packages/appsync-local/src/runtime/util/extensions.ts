// The `extensions` object of '@aws-appsync/utils'. The subscription calls are
// recorded in the request's usage, where the real-time endpoint reads them:
// a subscription resolver's filters when the subscription starts, a
// mutation's invalidations once the mutation succeeded. Each call is also
// logged. There is no server-side cache, so evictFromApiCache only logs.
// https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html
//
// "You can only use up to five unique extensions.invalidateSubscriptions()
// method calls in a single request. If you exceed this limit, you will
// receive a GraphQL error." Calls with the same argument are one unique call;
// the count spans every resolver of the request. The page names no errorType
// and does not say whether the field keeps its value: our reading is an error
// added to the response (the value kept, as with util.appendError), with the
// errorType and message below. setSubscriptionInvalidationFilter has no
// documented count limit, so none is applied.

import { newRequestUsage, type EvaluationScope, type ResolverError } from '../../types.ts';

export const MAX_UNIQUE_SUBSCRIPTION_INVALIDATIONS = 5;

export const INVALIDATION_LIMIT_ERROR: ResolverError = {
  errorType: 'SubscriptionInvalidationLimitExceeded',
  message: `Only ${MAX_UNIQUE_SUBSCRIPTION_INVALIDATIONS} unique extensions.invalidateSubscriptions() calls are allowed in a single request.`,
  data: null,
  errorInfo: null,
};

function describeCall(name: string, args: unknown[]): string {
  return `extensions.${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;
}

export function createExtensions(scope: EvaluationScope) {
  const usage = scope.requestUsage ?? newRequestUsage();
  return Object.freeze({
    setSubscriptionFilter(filter?: unknown): void {
      scope.log(describeCall('setSubscriptionFilter', [filter]));
      usage.subscriptionFilter = filter;
    },
    setSubscriptionInvalidationFilter(filter?: unknown): void {
      scope.log(describeCall('setSubscriptionInvalidationFilter', [filter]));
      usage.subscriptionInvalidationFilter = filter;
    },
    invalidateSubscriptions(invalidation?: unknown): void {
      const call = JSON.stringify(invalidation ?? null);
      const invalidations = usage.subscriptionInvalidations;
      if (!invalidations.has(call) && invalidations.size >= MAX_UNIQUE_SUBSCRIPTION_INVALIDATIONS) {
        scope.appendError(INVALIDATION_LIMIT_ERROR);
        return;
      }
      invalidations.add(call);
      scope.log(describeCall('invalidateSubscriptions', [invalidation]));
    },
    evictFromApiCache(...args: unknown[]): void {
      scope.log(`${describeCall('evictFromApiCache', args)} ignored: the local runtime has no API cache`);
    },
  });
}
