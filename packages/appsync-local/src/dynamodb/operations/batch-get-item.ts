import { BatchGetItemCommand, type KeysAndAttributes } from '@aws-sdk/client-dynamodb';
import { fromAttributeMap, itemIdentity, keyOf, type AttributeMap } from '../attribute-values.ts';
import { dynamoDBFailure } from '../data-source-errors.ts';
import {
  asRequestObject,
  expressionAttributes,
  optionalBoolean,
  optionalProjection,
  type ExpressionParts,
} from '../request-fields.ts';
import { positionsByIdentity, requestedTables, typedMaps } from './batch-tables.ts';
import type { OperationHandler } from './operation-context.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
// Result: `{ data: { [table]: [item | null] }, unprocessedKeys: { [table]: [key] } }`,
// items in the order of the requested keys, null for a key not found or not
// processed. Both blocks and every requested table are present even when the
// call failed. The 100-key limit is DynamoDB's own: DynamoDB answers a
// ValidationException ("Too many items requested for the BatchGetItem call").
// The docs' example passes each table's keys as a bare array instead of
// `{ keys }`; both are accepted.

interface TableRead {
  keys: AttributeMap[];
  consistentRead?: boolean;
  projection?: ExpressionParts;
}

function readTable(value: unknown, path: string): TableRead {
  if (Array.isArray(value)) {
    return { keys: typedMaps(value, path) };
  }
  const table = asRequestObject(value, path);
  return {
    keys: typedMaps(table.keys, `${path}.keys`),
    consistentRead: optionalBoolean(table, 'consistentRead', `${path}.consistentRead`),
    projection: optionalProjection(table, `${path}.projection`),
  };
}

function dynamoDBRead(table: TableRead): KeysAndAttributes {
  return {
    Keys: table.keys,
    ConsistentRead: table.consistentRead,
    ProjectionExpression: table.projection?.expression,
    ExpressionAttributeNames: expressionAttributes(table.projection).ExpressionAttributeNames,
  };
}

export const batchGetItem: OperationHandler = async (request, context) => {
  const tables = requestedTables(request).map(([name, value]) => [name, readTable(value, `tables.${name}`)] as const);
  const data: Record<string, (Record<string, unknown> | null)[]> = {};
  const unprocessedKeys: Record<string, Record<string, unknown>[]> = {};
  for (const [name, table] of tables) {
    data[name] = table.keys.map(() => null);
    unprocessedKeys[name] = [];
  }
  let output;
  try {
    output = await context.client.send(
      new BatchGetItemCommand({
        RequestItems: Object.fromEntries(tables.map(([name, table]) => [name, dynamoDBRead(table)])),
        ReturnConsumedCapacity: context.returnConsumedCapacity,
      }),
    );
  } catch (error) {
    for (const [name, table] of tables) {
      unprocessedKeys[name] = table.keys.map(fromAttributeMap);
    }
    return { result: { data, unprocessedKeys }, error: dynamoDBFailure(error) };
  }
  let returned = 0;
  for (const [name, table] of tables) {
    const keyNames = Object.keys(table.keys[0] ?? {});
    const positions = positionsByIdentity(table.keys, (key) => itemIdentity(key));
    for (const item of output.Responses?.[name] ?? []) {
      returned += 1;
      for (const position of positions.get(itemIdentity(keyOf(item, keyNames))) ?? []) {
        data[name][position] = fromAttributeMap(item);
      }
    }
    unprocessedKeys[name] = (output.UnprocessedKeys?.[name]?.Keys ?? []).map(fromAttributeMap);
  }
  context.reportRead('BatchGetItem', { scannedCount: returned, count: returned }, output.ConsumedCapacity);
  return { result: { data, unprocessedKeys } };
};
