import { TransactGetItemsCommand, type TransactGetItem } from '@aws-sdk/client-dynamodb';
import { itemOrNull } from '../attribute-values.ts';
import {
  asArray,
  asRequestObject,
  expressionAttributes,
  optionalProjection,
  requiredKey,
  requiredString,
} from '../request-fields.ts';
import type { OperationHandler } from './operation-context.ts';
import { failedTransaction } from './transaction-outcome.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html
// Result: `{ items: [item | null], cancellationReasons: null }` in request
// order; on failure `{ items: null, cancellationReasons }`. Each item names its table.

function transactGet(value: unknown, index: number): TransactGetItem {
  const path = `transactItems[${index}]`;
  const item = asRequestObject(value, path);
  const projection = optionalProjection(item, `${path}.projection`);
  return {
    Get: {
      TableName: requiredString(item, 'table', `${path}.table`),
      Key: requiredKey(item, `${path}.key`),
      ProjectionExpression: projection?.expression,
      ExpressionAttributeNames: expressionAttributes(projection).ExpressionAttributeNames,
    },
  };
}

export const transactGetItems: OperationHandler = async (request, context) => {
  const transactItems = asArray(request.transactItems, 'transactItems').map(transactGet);
  try {
    const output = await context.client.send(
      new TransactGetItemsCommand({
        TransactItems: transactItems,
        ReturnConsumedCapacity: context.returnConsumedCapacity,
      }),
    );
    const items = (output.Responses ?? []).map((response) => itemOrNull(response.Item));
    const found = items.filter((item) => item !== null).length;
    context.reportRead('TransactGetItems', { scannedCount: found, count: found }, output.ConsumedCapacity);
    return { result: { items, cancellationReasons: null } };
  } catch (error) {
    return failedTransaction(error, 'items');
  }
};
