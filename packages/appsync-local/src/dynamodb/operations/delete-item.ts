import { ConditionalCheckFailedException, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { itemOrNull } from '../attribute-values.ts';
import { expressionAttributes, requiredKey } from '../request-fields.ts';
import type { OperationHandler } from './operation-context.ts';
import { optionalWriteCondition, settleFailedCondition } from './write-condition.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-deleteitem.html
// Result: the item deleted (DynamoDB's ALL_OLD), or null when there was none.
// `_version`, `customPartitionKey` and `populateIndexFields` are ignored, as in put-item.ts.

export const deleteItem: OperationHandler = async (request, context) => {
  const key = requiredKey(request);
  const condition = optionalWriteCondition(request);
  try {
    const output = await context.client.send(
      new DeleteItemCommand({
        TableName: context.tableName,
        Key: key,
        ConditionExpression: condition?.expression.expression,
        ...expressionAttributes(condition?.expression),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return { result: itemOrNull(output.Attributes) };
  } catch (error) {
    if (condition && error instanceof ConditionalCheckFailedException) {
      return settleFailedCondition(context, key, condition, { operation: 'DeleteItem' }, error);
    }
    throw error;
  }
};
