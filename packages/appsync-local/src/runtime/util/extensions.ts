// The `extensions` object of '@aws-appsync/utils'. Our API has neither
// subscriptions nor a server-side cache, so each call only records what it
// asked for in the handler's log and otherwise does nothing, within the
// documented limits.
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

function recorder(scope: EvaluationScope, name: string, ignoredBecause: string) {
  return (...args: unknown[]): void => {
    scope.log(`${describeCall(name, args)} ignored: ${ignoredBecause}`);
  };
}

export function createExtensions(scope: EvaluationScope) {
  const noSubscriptions = 'the local runtime has no subscriptions';
  const usage = scope.requestUsage ?? newRequestUsage();
  const recordInvalidation = recorder(scope, 'invalidateSubscriptions', noSubscriptions);
  return Object.freeze({
    setSubscriptionFilter: recorder(scope, 'setSubscriptionFilter', noSubscriptions),
    setSubscriptionInvalidationFilter: recorder(scope, 'setSubscriptionInvalidationFilter', noSubscriptions),
    invalidateSubscriptions(...args: unknown[]): void {
      const call = JSON.stringify(args);
      const invalidations = usage.subscriptionInvalidations;
      if (!invalidations.has(call) && invalidations.size >= MAX_UNIQUE_SUBSCRIPTION_INVALIDATIONS) {
        scope.appendError(INVALIDATION_LIMIT_ERROR);
        return;
      }
      invalidations.add(call);
      recordInvalidation(...args);
    },
    evictFromApiCache: recorder(scope, 'evictFromApiCache', 'the local runtime has no API cache'),
  });
}
