import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { fromAttributeMap, itemIdentity, type AttributeMap } from '../attribute-values.ts';
import { dynamoDBFailure } from '../data-source-errors.ts';
import type { RequestObject } from '../request-fields.ts';
import { positionsByIdentity, requestedTables, typedMaps } from './batch-tables.ts';
import type { OperationContext, OperationHandler } from './operation-context.ts';

// BatchPutItem and BatchDeleteItem, both one BatchWriteItem call:
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-put-item.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html
// Result: `{ data: { [table]: [item or key | null] }, unprocessedItems | unprocessedKeys: { [table]: [...] } }`,
// in request order; an entry not processed is null in `data` and listed in
// the unprocessed block. Both blocks and every requested table are present
// even when the call failed. The 25-entry limit is DynamoDB's own: DynamoDB
// answers a ValidationException ("Too many items requested for the BatchWriteItem call").

interface BatchWriteKind {
  unprocessedBlock: 'unprocessedItems' | 'unprocessedKeys';
  writeRequest(entry: AttributeMap): WriteRequest;
  /** the item or key a write request carries */
  entryOf(request: WriteRequest): AttributeMap | undefined;
}

async function batchWrite(request: RequestObject, context: OperationContext, kind: BatchWriteKind) {
  const tables = requestedTables(request).map(([name, value]) => [name, typedMaps(value, `tables.${name}`)] as const);
  const data: Record<string, (Record<string, unknown> | null)[]> = {};
  const unprocessed: Record<string, Record<string, unknown>[]> = {};
  for (const [name, entries] of tables) {
    data[name] = entries.map(fromAttributeMap);
    unprocessed[name] = [];
  }
  try {
    const output = await context.client.send(
      new BatchWriteItemCommand({
        RequestItems: Object.fromEntries(tables.map(([name, entries]) => [name, entries.map(kind.writeRequest)])),
      }),
    );
    for (const [name, entries] of tables) {
      const positions = positionsByIdentity(entries, (entry) => itemIdentity(entry));
      for (const writeRequest of output.UnprocessedItems?.[name] ?? []) {
        const entry = kind.entryOf(writeRequest) ?? {};
        for (const position of positions.get(itemIdentity(entry)) ?? []) {
          data[name][position] = null;
        }
        unprocessed[name].push(fromAttributeMap(entry));
      }
    }
    return { result: { data, [kind.unprocessedBlock]: unprocessed } };
  } catch (error) {
    for (const [name, entries] of tables) {
      data[name] = entries.map(() => null);
      unprocessed[name] = entries.map(fromAttributeMap);
    }
    return { result: { data, [kind.unprocessedBlock]: unprocessed }, error: dynamoDBFailure(error) };
  }
}

export const batchPutItem: OperationHandler = (request, context) =>
  batchWrite(request, context, {
    unprocessedBlock: 'unprocessedItems',
    writeRequest: (item) => ({ PutRequest: { Item: item } }),
    entryOf: (writeRequest) => writeRequest.PutRequest?.Item,
  });

export const batchDeleteItem: OperationHandler = (request, context) =>
  batchWrite(request, context, {
    unprocessedBlock: 'unprocessedKeys',
    writeRequest: (key) => ({ DeleteRequest: { Key: key } }),
    entryOf: (writeRequest) => writeRequest.DeleteRequest?.Key,
  });
