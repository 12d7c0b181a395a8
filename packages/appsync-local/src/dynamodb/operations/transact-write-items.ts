import { TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { fromAttributeMap, toAttributeMap, type AttributeMap } from '../attribute-values.ts';
import { RequestShapeError } from '../data-source-errors.ts';
import {
  asArray,
  asRequestObject,
  expressionAttributes,
  isAbsent,
  missingField,
  optionalBoolean,
  readExpression,
  requiredKey,
  requiredString,
  type RequestObject,
} from '../request-fields.ts';
import type { OperationHandler } from './operation-context.ts';
import { failedTransaction } from './transaction-outcome.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
// Result: `{ keys: [key], cancellationReasons: null }` in request order; on
// failure `{ keys: null, cancellationReasons }`. Each item names its table.
// A failed condition brings back the stored item unless the condition says
// `returnValuesOnConditionCheckFailure: false`.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html#js-aws-appsync-resolver-reference-dynamodb-transaction-condition-expressions

function transactCondition(item: RequestObject, path: string, required: boolean) {
  if (isAbsent(item.condition)) {
    if (required) {
      throw missingField(`${path}.condition`);
    }
    return undefined;
  }
  const section = asRequestObject(item.condition, `${path}.condition`);
  const returnItem = optionalBoolean(
    section,
    'returnValuesOnConditionCheckFailure',
    `${path}.condition.returnValuesOnConditionCheckFailure`,
  );
  return {
    expression: readExpression(section, `${path}.condition`),
    returnValuesOnConditionCheckFailure: returnItem === false ? ('NONE' as const) : ('ALL_OLD' as const),
  };
}

function transactWrite(value: unknown, index: number): { write: TransactWriteItem; key: AttributeMap } {
  const path = `transactItems[${index}]`;
  const item = asRequestObject(value, path);
  const operation = requiredString(item, 'operation', `${path}.operation`);
  const key = requiredKey(item, `${path}.key`);
  const condition = transactCondition(item, path, operation === 'ConditionCheck');
  const target = {
    TableName: requiredString(item, 'table', `${path}.table`),
    ConditionExpression: condition?.expression.expression,
    ReturnValuesOnConditionCheckFailure: condition?.returnValuesOnConditionCheckFailure,
  };
  switch (operation) {
    case 'PutItem': {
      const attributes = isAbsent(item.attributeValues)
        ? {}
        : toAttributeMap(item.attributeValues, `${path}.attributeValues`);
      const names = expressionAttributes(condition?.expression);
      return { key, write: { Put: { ...target, ...names, Item: { ...attributes, ...key } } } };
    }
    case 'UpdateItem': {
      if (isAbsent(item.update)) {
        throw missingField(`${path}.update`);
      }
      const update = readExpression(item.update, `${path}.update`);
      const names = expressionAttributes(update, condition?.expression);
      return { key, write: { Update: { ...target, ...names, Key: key, UpdateExpression: update.expression } } };
    }
    case 'DeleteItem':
      return { key, write: { Delete: { ...target, ...expressionAttributes(condition?.expression), Key: key } } };
    case 'ConditionCheck': {
      // transactCondition insisted on a condition for a ConditionCheck
      const conditionExpression = condition!.expression.expression;
      const names = expressionAttributes(condition?.expression);
      return {
        key,
        write: { ConditionCheck: { ...target, ...names, Key: key, ConditionExpression: conditionExpression } },
      };
    }
    default:
      throw new RequestShapeError(`${path}.operation must be PutItem, UpdateItem, DeleteItem or ConditionCheck`);
  }
}

export const transactWriteItems: OperationHandler = async (request, context) => {
  const writes = asArray(request.transactItems, 'transactItems').map(transactWrite);
  try {
    await context.client.send(new TransactWriteItemsCommand({ TransactItems: writes.map(({ write }) => write) }));
    return { result: { keys: writes.map(({ key }) => fromAttributeMap(key)), cancellationReasons: null } };
  } catch (error) {
    return failedTransaction(error, 'keys');
  }
};
