import { ScanCommand } from '@aws-sdk/client-dynamodb';
import {
  expressionAttributes,
  optionalBoolean,
  optionalExpression,
  optionalInteger,
  optionalProjection,
  optionalString,
} from '../request-fields.ts';
import type { OperationHandler } from './operation-context.ts';
import { optionalSelect, pageScope, resultPage, startKey } from './result-page.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-scan.html
// `segment`/`totalSegments` make a parallel scan; a token stays within its segment.

export const scan: OperationHandler = async (request, context) => {
  const filter = optionalExpression(request, 'filter');
  const projection = optionalProjection(request);
  const index = optionalString(request, 'index');
  const segment = optionalInteger(request, 'segment');
  const totalSegments = optionalInteger(request, 'totalSegments');
  const scope = pageScope(context, 'Scan', index, segment, totalSegments);
  const output = await context.client.send(
    new ScanCommand({
      TableName: context.tableName,
      IndexName: index,
      FilterExpression: filter?.expression,
      ProjectionExpression: projection?.expression,
      ...expressionAttributes(filter, projection),
      ExclusiveStartKey: startKey(request, context, scope),
      Limit: optionalInteger(request, 'limit'),
      ConsistentRead: optionalBoolean(request, 'consistentRead'),
      Segment: segment,
      TotalSegments: totalSegments,
      Select: optionalSelect(request),
      ReturnConsumedCapacity: context.returnConsumedCapacity,
    }),
  );
  return { result: resultPage('Scan', output, context, scope) };
};
