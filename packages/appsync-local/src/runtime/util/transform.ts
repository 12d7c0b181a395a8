// `util.transform`. In APPSYNC_JS the two DynamoDB transforms return JSON
// strings (callers `JSON.parse` them) and toSubscriptionFilter an object.
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html

import { renderFilterExpression } from './dynamodb-expression.ts';
import { toElasticsearchQueryDSL } from './opensearch-query.ts';
import { toSubscriptionFilter } from './subscription-filter.ts';

/** AWS renders filters and conditions byte for byte alike, and answers null where it cannot. */
function renderAsJson(filter: unknown): string | null {
  const rendered = renderFilterExpression(filter);
  return rendered === null ? null : JSON.stringify(rendered);
}

export const transformUtil = Object.freeze({
  toDynamoDBFilterExpression: renderAsJson,
  toDynamoDBConditionExpression: renderAsJson,
  toElasticsearchQueryDSL,
  toSubscriptionFilter,
});
