// query, scan and sync of '@aws-appsync/utils/dynamodb'. The key condition of
// a query is rendered like any filter object (`{ id: { eq: 1 } }` →
// `(#id = :id_eq)`); `select`, paging and ordering pass through when given.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import { isPlainObject } from '../util/dynamodb-values.ts';
import { filterExpression, payloadObject, presentFields, projectionExpression } from './request-parts.ts';

export function query(payload: unknown) {
  const input = payloadObject('query', payload);
  const keyCondition = isPlainObject(input.query) ? filterExpression('query', 'query', input.query) : undefined;
  if (keyCondition === undefined) {
    throw new Error(`query: the key condition \`query\` names no key: ${JSON.stringify(input.query)}`);
  }
  return {
    operation: 'Query',
    query: keyCondition,
    ...presentFields({
      index: input.index,
      nextToken: input.nextToken,
      limit: input.limit,
      scanIndexForward: input.scanIndexForward,
      consistentRead: input.consistentRead,
      select: input.select,
      filter: filterExpression('query', 'filter', input.filter),
      projection: projectionExpression(input.projection),
    }),
  };
}

export function scan(payload: unknown) {
  const input = payloadObject('scan', payload);
  return {
    operation: 'Scan',
    ...presentFields({
      index: input.index,
      limit: input.limit,
      consistentRead: input.consistentRead,
      nextToken: input.nextToken,
      totalSegments: input.totalSegments,
      segment: input.segment,
      select: input.select,
      filter: filterExpression('scan', 'filter', input.filter),
      projection: projectionExpression(input.projection),
    }),
  };
}

export function sync(payload: unknown) {
  const input = payloadObject('sync', payload);
  return {
    operation: 'Sync',
    ...presentFields({
      basePartitionKey: input.basePartitionKey,
      deltaIndexName: input.deltaIndexName,
      limit: input.limit,
      nextToken: input.nextToken,
      lastSync: input.lastSync,
      filter: filterExpression('sync', 'filter', input.filter),
    }),
  };
}
