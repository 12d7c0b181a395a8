import { QueryCommand } from '@aws-sdk/client-dynamodb';
import {
  expressionAttributes,
  isAbsent,
  missingField,
  optionalBoolean,
  optionalExpression,
  optionalInteger,
  optionalProjection,
  optionalString,
  readExpression,
} from '../request-fields.ts';
import type { OperationHandler } from './operation-context.ts';
import { optionalSelect, pageScope, resultPage, startKey } from './result-page.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
// `limit` is DynamoDB's Limit: items evaluated, not items matched.

export const query: OperationHandler = async (request, context) => {
  if (isAbsent(request.query)) {
    throw missingField('query');
  }
  const keyCondition = readExpression(request.query, 'query');
  const filter = optionalExpression(request, 'filter');
  const projection = optionalProjection(request);
  const index = optionalString(request, 'index');
  const scope = pageScope(context, 'Query', index);
  const output = await context.client.send(
    new QueryCommand({
      TableName: context.tableName,
      IndexName: index,
      KeyConditionExpression: keyCondition.expression,
      FilterExpression: filter?.expression,
      ProjectionExpression: projection?.expression,
      ...expressionAttributes(keyCondition, filter, projection),
      ExclusiveStartKey: startKey(request, context, scope),
      Limit: optionalInteger(request, 'limit'),
      ScanIndexForward: optionalBoolean(request, 'scanIndexForward'),
      ConsistentRead: optionalBoolean(request, 'consistentRead'),
      Select: optionalSelect(request),
      ReturnConsumedCapacity: context.returnConsumedCapacity,
    }),
  );
  return { result: resultPage('Query', output, context, scope) };
};
