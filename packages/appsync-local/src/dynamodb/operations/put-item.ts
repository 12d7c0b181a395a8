import { ConditionalCheckFailedException, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { fromAttributeMap, toAttributeMap } from '../attribute-values.ts';
import { expressionAttributes, isAbsent, requiredKey } from '../request-fields.ts';
import type { OperationHandler } from './operation-context.ts';
import { optionalWriteCondition, settleFailedCondition } from './write-condition.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-putitem.html
// Result: the item as written (key and attributeValues).
// `_version`, `customPartitionKey` and `populateIndexFields` only matter to
// versioned data sources (conflict detection), which the local runtime does
// not emulate: they are ignored.

export const putItem: OperationHandler = async (request, context) => {
  const key = requiredKey(request);
  const attributes = isAbsent(request.attributeValues)
    ? {}
    : toAttributeMap(request.attributeValues, 'attributeValues');
  const item = { ...attributes, ...key };
  const condition = optionalWriteCondition(request);
  try {
    await context.client.send(
      new PutItemCommand({
        TableName: context.tableName,
        Item: item,
        ConditionExpression: condition?.expression.expression,
        ...expressionAttributes(condition?.expression),
      }),
    );
  } catch (error) {
    if (condition && error instanceof ConditionalCheckFailedException) {
      return settleFailedCondition(context, key, condition, { operation: 'PutItem', written: item }, error);
    }
    throw error;
  }
  return { result: fromAttributeMap(item) };
};
