// The `extensions` object of '@aws-appsync/utils'. Our API has neither
// subscriptions nor a server-side cache, so each call only records what it
// asked for in the handler's log and otherwise does nothing.
// https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html

import type { EvaluationScope } from '../../types.ts';

function recorder(scope: EvaluationScope, name: string, ignoredBecause: string) {
  return (...args: unknown[]): void => {
    scope.log(`extensions.${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')}) ignored: ${ignoredBecause}`);
  };
}

export function createExtensions(scope: EvaluationScope) {
  const noSubscriptions = 'the local runtime has no subscriptions';
  return Object.freeze({
    setSubscriptionFilter: recorder(scope, 'setSubscriptionFilter', noSubscriptions),
    setSubscriptionInvalidationFilter: recorder(scope, 'setSubscriptionInvalidationFilter', noSubscriptions),
    invalidateSubscriptions: recorder(scope, 'invalidateSubscriptions', noSubscriptions),
    evictFromApiCache: recorder(scope, 'evictFromApiCache', 'the local runtime has no API cache'),
  });
}
