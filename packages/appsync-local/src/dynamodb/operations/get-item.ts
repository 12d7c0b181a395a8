import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { itemOrNull, type AttributeMap } from '../attribute-values.ts';
import {
  expressionAttributes,
  optionalBoolean,
  optionalProjection,
  requiredKey,
  type ExpressionParts,
} from '../request-fields.ts';
import type { OperationContext, OperationHandler } from './operation-context.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-getitem.html
// Result: the item, or null.

/** One GetItem on the data source's table, reported as a read. */
export async function readItem(
  context: OperationContext,
  key: AttributeMap,
  options: { consistentRead?: boolean; projection?: ExpressionParts } = {},
): Promise<AttributeMap | undefined> {
  const output = await context.client.send(
    new GetItemCommand({
      TableName: context.tableName,
      Key: key,
      ConsistentRead: options.consistentRead,
      ProjectionExpression: options.projection?.expression,
      ...expressionAttributes(options.projection),
      ReturnConsumedCapacity: context.returnConsumedCapacity,
    }),
  );
  const found = output.Item ? 1 : 0;
  context.reportRead('GetItem', { scannedCount: found, count: found }, output.ConsumedCapacity);
  return output.Item;
}

export const getItem: OperationHandler = async (request, context) => {
  const item = await readItem(context, requiredKey(request), {
    consistentRead: optionalBoolean(request, 'consistentRead'),
    projection: optionalProjection(request),
  });
  return { result: itemOrNull(item) };
};
