import { util, type Context } from '@aws-appsync/utils';

// TransactWriteItems requests in AppSync's raw shape, and what their
// cancellation reasons mean. The `@aws-appsync/utils/dynamodb` helpers cannot
// write `if_not_exists(...) + :one` or compare two attributes of one item,
// which seat accounting needs, so expressions are written out here.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html

export interface Expression {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
}

/** One write of a transaction, named so that its cancellation reason can be told apart. */
export interface TransactWrite {
  part: string;
  item: Record<string, unknown>;
}

/** `names` maps `#placeholders` to attribute names; `values` maps `:placeholders` to plain values. */
export function expression(text: string, names: Record<string, string>, values: Record<string, unknown> = {}): Expression {
  const result: Expression = { expression: text };
  if (Object.keys(names).length > 0) {
    result.expressionNames = names;
  }
  if (Object.keys(values).length > 0) {
    result.expressionValues = util.dynamodb.toMapValues(values);
  }
  return result;
}

/** A failed condition brings back nothing: the resolvers decide from the reasons alone. */
function quietCondition(condition: Expression) {
  return { ...condition, returnValuesOnConditionCheckFailure: false };
}

type Key = Record<string, unknown>;

export function putWrite(part: string, table: string, key: Key, attributes: Record<string, unknown>, condition: Expression): TransactWrite {
  return {
    part,
    item: {
      table,
      operation: 'PutItem',
      key: util.dynamodb.toMapValues(key),
      attributeValues: util.dynamodb.toMapValues(attributes),
      condition: quietCondition(condition),
    },
  };
}

export function updateWrite(part: string, table: string, key: Key, update: Expression, condition?: Expression): TransactWrite {
  const item: Record<string, unknown> = { table, operation: 'UpdateItem', key: util.dynamodb.toMapValues(key), update };
  if (condition) {
    item.condition = quietCondition(condition);
  }
  return { part, item };
}

export function deleteWrite(part: string, table: string, key: Key, condition?: Expression): TransactWrite {
  const item: Record<string, unknown> = { table, operation: 'DeleteItem', key: util.dynamodb.toMapValues(key) };
  if (condition) {
    item.condition = quietCondition(condition);
  }
  return { part, item };
}

export function conditionCheck(part: string, table: string, key: Key, condition: Expression): TransactWrite {
  return {
    part,
    item: { table, operation: 'ConditionCheck', key: util.dynamodb.toMapValues(key), condition: quietCondition(condition) },
  };
}

/**
 * The event's own write in a transaction, from the request the dynamodb module
 * built for it alone. A failed condition brings the event back as stored now
 * (null when it is gone), so that a lost race can be told from a deletion.
 */
export function eventWrite(part: string, table: string, request: { operation: string; key: unknown; update?: unknown; condition?: unknown }): TransactWrite {
  const item: Record<string, unknown> = { table, operation: request.operation, key: request.key };
  if (request.update) {
    item.update = request.update;
  }
  if (request.condition) {
    item.condition = { ...(request.condition as Expression), returnValuesOnConditionCheckFailure: true };
  }
  return { part, item };
}

/** The item a failed part's condition brought back, null when none was stored. */
export function storedItemOf<T>(ctx: Context, parts: string[], part: string): T | null {
  const reasons: { item?: T }[] = (ctx.result && ctx.result.cancellationReasons) || [];
  const reason = reasons[parts.indexOf(part)];
  return (reason && reason.item) || null;
}

/** The request, and the part names in request order, which the response handler needs to read the reasons. */
export function transaction(writes: TransactWrite[]) {
  return {
    request: { operation: 'TransactWriteItems', transactItems: writes.map((write) => write.item) },
    parts: writes.map((write) => write.part),
  };
}

/** How a transaction ended, as far as a resolver cares. */
export interface TransactionOutcome {
  committed: boolean;
  /** parts whose condition failed */
  failedParts: string[];
  /** another transaction held one of the items: nothing was written, and a retry may succeed */
  conflicted: boolean;
  /** any other failure (throttling, a bad request): an internal error */
  failedOtherwise: boolean;
}

/**
 * DynamoDB's reason code for a failed condition is `ConditionalCheckFailed`;
 * AppSync's TransactWriteItems page writes the type as `ConditionCheckFailed`
 * in its example, so both are read as a failed condition.
 */
const CONDITION_FAILED_TYPES = ['ConditionalCheckFailed', 'ConditionCheckFailed'];
const NO_FAILURE_TYPE = 'None';
const CONFLICT_TYPE = 'TransactionConflict';

interface CancellationReason {
  type?: string | null;
}

/** Reads `ctx.error` and the `cancellationReasons` AppSync puts in `ctx.result`, one per part. */
export function transactionOutcome(ctx: Context, parts: string[]): TransactionOutcome {
  if (!ctx.error) {
    return { committed: true, failedParts: [], conflicted: false, failedOtherwise: false };
  }
  const reasons: CancellationReason[] = (ctx.result && ctx.result.cancellationReasons) || [];
  const types = reasons.map((reason) => (reason && reason.type) || NO_FAILURE_TYPE);
  const failedParts = parts.filter((_, index) => CONDITION_FAILED_TYPES.indexOf(types[index]) >= 0);
  const conflicted =
    types.indexOf(CONFLICT_TYPE) >= 0 || ctx.error.type === 'DynamoDB:TransactionConflictException';
  const explained = types.every(
    (type) => type === NO_FAILURE_TYPE || type === CONFLICT_TYPE || CONDITION_FAILED_TYPES.indexOf(type) >= 0,
  );
  return {
    committed: false,
    failedParts,
    conflicted,
    failedOtherwise: reasons.length === 0 ? !conflicted : !explained,
  };
}
