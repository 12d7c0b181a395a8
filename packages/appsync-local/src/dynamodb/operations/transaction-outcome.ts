import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DataSourceOutcome } from '../../types.ts';
import { fromAttributeMap } from '../attribute-values.ts';
import { dynamoDBFailure } from '../data-source-errors.ts';

// A failed transaction as AppSync reports it: `ctx.error` set, and
// `cancellationReasons` in `ctx.result`, one per request item, in order. An
// item that did not cause the cancellation reads `{ type: 'None', message:
// 'None' }`; a failed condition reads DynamoDB's reason code
// (`ConditionalCheckFailed`, "The conditional request failed") with the item
// as stored when it was asked for. The docs' example writes the type as
// `ConditionCheckFailed`; DynamoDB's code is passed through here.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html

export interface CancellationReason {
  type: string;
  message: string;
  item?: Record<string, unknown>;
}

function cancellationReasons(error: TransactionCanceledException): CancellationReason[] {
  return (error.CancellationReasons ?? []).map((reason) => ({
    type: reason.Code ?? 'None',
    message: reason.Message ?? 'None',
    ...(reason.Item ? { item: fromAttributeMap(reason.Item) } : {}),
  }));
}

/** `resultField` (items or keys) is null and cancellationReasons is set only for a cancellation. */
export function failedTransaction(error: unknown, resultField: 'items' | 'keys'): DataSourceOutcome {
  const reasons = error instanceof TransactionCanceledException ? cancellationReasons(error) : null;
  return { result: { [resultField]: null, cancellationReasons: reasons }, error: dynamoDBFailure(error) };
}
