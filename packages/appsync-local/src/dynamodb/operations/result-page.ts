import type { ConsumedCapacity, Select } from '@aws-sdk/client-dynamodb';
import { fromAttributeMap, type AttributeMap } from '../attribute-values.ts';
import { isAbsent, optionalString, type RequestObject } from '../request-fields.ts';
import type { OperationContext } from './operation-context.ts';

// What Query and Scan share: the opaque nextToken both ways, and the result
// shape `{ items, nextToken, scannedCount }` (scannedCount: items read before
// the filter), from
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html

/**
 * A token is only good for the resolver or function, data source, table,
 * operation and index that issued it ("these pagination tokens cannot be used
 * across different functions or resolvers"). The filter, limit and sort order
 * are not part of it: the docs bind a token to its issuer only, and DynamoDB
 * itself takes any ExclusiveStartKey of the same table or index.
 */
export function pageScope(context: OperationContext, ...parts: (string | number | undefined)[]): string {
  return JSON.stringify([
    context.caller ?? null,
    context.dataSourceName,
    context.tableName,
    ...parts.map((part) => part ?? null),
  ]);
}

/** ExclusiveStartKey from `nextToken`; throws InvalidPaginationTokenError. */
export function startKey(request: RequestObject, context: OperationContext, scope: string): AttributeMap | undefined {
  return isAbsent(request.nextToken) ? undefined : context.tokens.open(request.nextToken, scope);
}

/** `select` goes to DynamoDB as is; DynamoDB rejects values it does not know. */
export function optionalSelect(request: RequestObject): Select | undefined {
  return optionalString(request, 'select') as Select | undefined;
}

interface PageOutput {
  Items?: AttributeMap[];
  Count?: number;
  ScannedCount?: number;
  LastEvaluatedKey?: AttributeMap;
  ConsumedCapacity?: ConsumedCapacity;
}

export function resultPage(operation: string, output: PageOutput, context: OperationContext, scope: string) {
  const items = (output.Items ?? []).map(fromAttributeMap);
  const scannedCount = output.ScannedCount ?? 0;
  context.reportRead(operation, { scannedCount, count: output.Count ?? items.length }, output.ConsumedCapacity);
  return {
    items,
    nextToken: output.LastEvaluatedKey ? context.tokens.seal(output.LastEvaluatedKey, scope) : null,
    scannedCount,
  };
}
