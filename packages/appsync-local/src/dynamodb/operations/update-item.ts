import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { itemOrNull } from '../attribute-values.ts';
import { expressionAttributes, isAbsent, missingField, readExpression, requiredKey } from '../request-fields.ts';
import type { OperationHandler } from './operation-context.ts';
import { optionalWriteCondition, settleFailedCondition } from './write-condition.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
// Result: the item after the update (DynamoDB's ALL_NEW).
// `_version`, `customPartitionKey` and `populateIndexFields` are ignored, as in put-item.ts.

export const updateItem: OperationHandler = async (request, context) => {
  const key = requiredKey(request);
  if (isAbsent(request.update)) {
    throw missingField('update');
  }
  const update = readExpression(request.update, 'update');
  const condition = optionalWriteCondition(request);
  try {
    const output = await context.client.send(
      new UpdateItemCommand({
        TableName: context.tableName,
        Key: key,
        UpdateExpression: update.expression,
        ConditionExpression: condition?.expression.expression,
        ...expressionAttributes(update, condition?.expression),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { result: itemOrNull(output.Attributes) };
  } catch (error) {
    if (condition && error instanceof ConditionalCheckFailedException) {
      return settleFailedCondition(context, key, condition, { operation: 'UpdateItem' }, error);
    }
    throw error;
  }
};
