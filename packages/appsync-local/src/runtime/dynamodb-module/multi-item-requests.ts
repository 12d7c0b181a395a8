// Batch and transaction requests of '@aws-appsync/utils/dynamodb', in the
// shapes of the BatchGetItem/BatchPutItem/BatchDeleteItem and
// TransactGetItems/TransactWriteItems request references.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import { isPlainObject } from '../util/dynamodb-values.ts';
import { attributeMap, filterExpression, payloadObject, presentFields, projectionExpression } from './request-parts.ts';
import { buildUpdateExpression } from './update-expression.ts';

function listOf(helper: string, part: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    throw new Error(`${helper}: ${part} must be a list, not ${JSON.stringify(value)}`);
  }
  return value;
}

/** `tables` of a batch request, each table's entry converted by `convert`. */
function perTable<T>(helper: string, payload: unknown, convert: (table: string, entry: unknown) => T): Record<string, T> {
  const tables = payloadObject(helper, payloadObject(helper, payload).tables);
  return Object.fromEntries(Object.entries(tables).map(([table, entry]) => [table, convert(table, entry)]));
}

export function batchGet(payload: unknown) {
  return {
    operation: 'BatchGetItem',
    tables: perTable('batchGet', payload, (table, entry) => {
      const request = payloadObject('batchGet', entry);
      return {
        keys: listOf('batchGet', `tables.${table}.keys`, request.keys).map((key) => attributeMap('batchGet', 'key', key)),
        ...presentFields({ consistentRead: request.consistentRead, projection: projectionExpression(request.projection) }),
      };
    }),
  };
}

export function batchPut(payload: unknown) {
  return {
    operation: 'BatchPutItem',
    tables: perTable('batchPut', payload, (table, items) =>
      listOf('batchPut', `tables.${table}`, items).map((item) => attributeMap('batchPut', 'item', item)),
    ),
  };
}

export function batchDelete(payload: unknown) {
  return {
    operation: 'BatchDeleteItem',
    tables: perTable('batchDelete', payload, (table, keys) =>
      listOf('batchDelete', `tables.${table}`, keys).map((key) => attributeMap('batchDelete', 'key', key)),
    ),
  };
}

export function transactGet(payload: unknown) {
  const items = listOf('transactGet', 'items', payloadObject('transactGet', payload).items);
  return {
    operation: 'TransactGetItems',
    transactItems: items.map((entry) => {
      const item = payloadObject('transactGet', entry);
      return {
        table: item.table,
        key: attributeMap('transactGet', 'key', item.key),
        ...presentFields({ projection: projectionExpression(item.projection) }),
      };
    }),
  };
}

/** One write of a transaction: `{ putItem }`, `{ updateItem }`, `{ deleteItem }` or `{ conditionCheck }`. */
function transactWriteItem(entry: unknown) {
  const write = payloadObject('transactWrite', entry);
  const [kind, details] = Object.entries(write)[0] ?? [];
  if (!isPlainObject(details)) {
    throw new Error(`transactWrite: each item needs one of putItem, updateItem, deleteItem, conditionCheck`);
  }
  const common = { table: details.table, key: attributeMap('transactWrite', 'key', details.key) };
  const condition = presentFields({ condition: filterExpression('transactWrite', 'condition', details.condition) });
  switch (kind) {
    case 'putItem':
      return { ...common, operation: 'PutItem', attributeValues: attributeMap('transactWrite', 'item', details.item), ...condition };
    case 'updateItem':
      return { ...common, operation: 'UpdateItem', update: buildUpdateExpression(payloadObject('transactWrite', details.update)), ...condition };
    case 'deleteItem':
      return { ...common, operation: 'DeleteItem', ...condition };
    case 'conditionCheck':
      return { ...common, operation: 'ConditionCheck', ...condition };
    default:
      throw new Error(`transactWrite: "${kind}" is not one of putItem, updateItem, deleteItem, conditionCheck`);
  }
}

export function transactWrite(payload: unknown) {
  return {
    operation: 'TransactWriteItems',
    transactItems: listOf('transactWrite', 'items', payloadObject('transactWrite', payload).items).map(transactWriteItem),
  };
}
