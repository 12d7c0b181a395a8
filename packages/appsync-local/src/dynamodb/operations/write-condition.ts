import type { DataSourceOutcome } from '../../types.ts';
import { itemOrNull, sameItem, type AttributeMap } from '../attribute-values.ts';
import type { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamoDBFailure, RequestShapeError } from '../data-source-errors.ts';
import {
  asArray,
  asRequestObject,
  isAbsent,
  optionalBoolean,
  readExpression,
  type ExpressionParts,
} from '../request-fields.ts';
import { readItem } from './get-item.ts';
import type { OperationContext } from './operation-context.ts';

// The `condition` of PutItem, UpdateItem and DeleteItem, and what AppSync does
// when it fails, from
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
// ("Handling a condition check failure"): it reads the item (strongly
// consistent unless `consistentRead: false`), then
// - PutItem: if the stored item equals the one it tried to write, ignoring the
//   `equalsIgnore` attributes, the put counts as a success and the stored item
//   is the result;
// - DeleteItem: if no item is stored, the delete counts as a success;
// - UpdateItem: it cannot tell, so it rejects;
// and rejecting means `ctx.error` is DynamoDB:ConditionalCheckFailedException
// with the item as read in `ctx.result` (null if there is none).
// The `Custom` strategy calls a Lambda function, which the local runtime does
// not have: it rejects as `Reject` does and says so in the message.

export interface WriteCondition {
  expression: ExpressionParts;
  equalsIgnore: string[];
  consistentRead: boolean;
  customStrategy: boolean;
}

export function optionalWriteCondition(request: Record<string, unknown>): WriteCondition | undefined {
  if (isAbsent(request.condition)) return undefined;
  const section = asRequestObject(request.condition, 'condition');
  const equalsIgnore = isAbsent(section.equalsIgnore) ? [] : asArray(section.equalsIgnore, 'condition.equalsIgnore');
  if (!equalsIgnore.every((name) => typeof name === 'string')) {
    throw new RequestShapeError('condition.equalsIgnore must list attribute names');
  }
  const handler = isAbsent(section.conditionalCheckFailedHandler)
    ? {}
    : asRequestObject(section.conditionalCheckFailedHandler, 'condition.conditionalCheckFailedHandler');
  return {
    expression: readExpression(section, 'condition'),
    equalsIgnore: equalsIgnore as string[],
    consistentRead: optionalBoolean(section, 'consistentRead', 'condition.consistentRead') ?? true,
    customStrategy: handler.strategy === 'Custom',
  };
}

/** What the failed write meant to leave behind, when AppSync can tell. */
export type WriteExpectation =
  | { operation: 'PutItem'; written: AttributeMap }
  | { operation: 'DeleteItem' }
  | { operation: 'UpdateItem' };

function expectationMet(expectation: WriteExpectation, stored: AttributeMap | undefined, ignored: string[]): boolean {
  switch (expectation.operation) {
    case 'PutItem':
      return stored !== undefined && sameItem(stored, expectation.written, ignored);
    case 'DeleteItem':
      return stored === undefined;
    case 'UpdateItem':
      return false;
  }
}

export async function settleFailedCondition(
  context: OperationContext,
  key: AttributeMap,
  condition: WriteCondition,
  expectation: WriteExpectation,
  conditionFailed: ConditionalCheckFailedException,
): Promise<DataSourceOutcome> {
  const stored = await readItem(context, key, { consistentRead: condition.consistentRead });
  if (expectationMet(expectation, stored, condition.equalsIgnore)) {
    return { result: itemOrNull(stored) };
  }
  const failure = dynamoDBFailure(conditionFailed);
  if (condition.customStrategy) {
    failure.message +=
      '; the Custom conditionalCheckFailedHandler (a Lambda function) is not emulated locally, so it was rejected';
  }
  return { result: itemOrNull(stored), error: failure };
}
