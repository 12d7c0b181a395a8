import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DataSourceOutcome } from '../../types.ts';
import { fromAttributeMap } from '../attribute-values.ts';
import { dynamoDBFailure } from '../data-source-errors.ts';

// A failed transaction as AppSync reports it: `ctx.error` set, and
// `cancellationReasons` in `ctx.result`, one per request item, in order. An
// item that did not cause the cancellation reads `{ type: 'None', message:
// 'None' }`. A failed condition reads `type: 'ConditionCheckFailed'`, as the
// transaction pages word it, where DynamoDB's own code is
// `ConditionalCheckFailed`; its message stays DynamoDB's ("The conditional
// request failed"), which the pages do not reword. The item as stored comes
// with it when it was asked for. Other codes (TransactionConflict,
// ValidationError, …) pass through.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html

export interface CancellationReason {
  type: string;
  message: string;
  item?: Record<string, unknown>;
}

/** DynamoDB's reason codes that AppSync names otherwise. */
const APPSYNC_REASON_TYPES: Record<string, string> = { ConditionalCheckFailed: 'ConditionCheckFailed' };

function cancellationReasons(error: TransactionCanceledException): CancellationReason[] {
  return (error.CancellationReasons ?? []).map((reason) => ({
    type: (reason.Code && APPSYNC_REASON_TYPES[reason.Code]) ?? reason.Code ?? 'None',
    message: reason.Message ?? 'None',
    ...(reason.Item ? { item: fromAttributeMap(reason.Item) } : {}),
  }));
}

/** `resultField` (items or keys) is null and cancellationReasons is set only for a cancellation. */
export function failedTransaction(error: unknown, resultField: 'items' | 'keys'): DataSourceOutcome {
  const reasons = error instanceof TransactionCanceledException ? cancellationReasons(error) : null;
  return { result: { [resultField]: null, cancellationReasons: reasons }, error: dynamoDBFailure(error) };
}
