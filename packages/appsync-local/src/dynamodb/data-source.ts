import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { untilAborted } from '../engine/until-aborted.ts';
import type { DataSource, DataSourceCallOptions, DataSourceError, DataSourceOutcome } from '../types.ts';
import {
  dynamoDBFailure,
  executionTimeoutFailure,
  invalidNextTokenFailure,
  requestShapeFailure,
  RequestShapeError,
} from './data-source-errors.ts';
import { batchGetItem } from './operations/batch-get-item.ts';
import { batchDeleteItem, batchPutItem } from './operations/batch-write-items.ts';
import { deleteItem } from './operations/delete-item.ts';
import { getItem } from './operations/get-item.ts';
import {
  createOperationContext,
  type DynamoDBSender,
  type OperationContext,
  type OperationHandler,
  type ReadMetrics,
} from './operations/operation-context.ts';
import { putItem } from './operations/put-item.ts';
import { query } from './operations/query.ts';
import { scan } from './operations/scan.ts';
import { sync } from './operations/sync.ts';
import { transactGetItems } from './operations/transact-get-items.ts';
import { transactWriteItems } from './operations/transact-write-items.ts';
import { updateItem } from './operations/update-item.ts';
import { createPaginationTokens, InvalidPaginationTokenError } from './pagination-token.ts';
import { asRequestObject, requiredString } from './request-fields.ts';

// An AppSync DynamoDB data source: it takes the object a request handler
// returned, exactly as the "JavaScript resolver function reference for
// DynamoDB" describes it, makes the low-level DynamoDB calls, and hands back
// what AppSync puts in `ctx.result` / `ctx.error`. It never throws.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
//
// A call given a signal gives up when it is aborted: every DynamoDB request
// it has in flight is aborted (its connection closed), none is started after,
// and the outcome is AppSync's ExecutionTimeoutException. A write DynamoDB
// had already received may still be applied: such a failure is in doubt.

export type { ReadMetrics };

export interface DynamoDBDataSourceOptions {
  /** the name resolvers are wired to */
  name: string;
  client: DynamoDBClient;
  /** the table that single-item, Query and Scan requests act on */
  tableName: string;
  /** sees every read DynamoDB makes; when set, reads also ask DynamoDB for consumed capacity */
  onRead?: (metrics: ReadMetrics) => void;
  /**
   * Seals nextTokens so they stay valid across restarts with the same secret.
   * @default a random key per process
   */
  paginationSecret?: string;
}

const OPERATIONS: Record<string, OperationHandler> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  Sync: sync,
  BatchGetItem: batchGetItem,
  BatchPutItem: batchPutItem,
  BatchDeleteItem: batchDeleteItem,
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};

/** Every command sent with the signal, so that aborting it aborts them. */
function sendingWith(client: DynamoDBSender, signal: AbortSignal): DynamoDBSender {
  const send = (command: Parameters<DynamoDBSender['send']>[0]) => {
    signal.throwIfAborted();
    return client.send(command, { abortSignal: signal });
  };
  return { send: send as DynamoDBSender['send'] };
}

function failureOf(error: unknown, signal: AbortSignal | undefined): DataSourceError {
  if (signal?.aborted) return executionTimeoutFailure();
  if (error instanceof RequestShapeError) return requestShapeFailure(error);
  if (error instanceof InvalidPaginationTokenError) return invalidNextTokenFailure();
  return dynamoDBFailure(error);
}

export function createDynamoDBDataSource(options: DynamoDBDataSourceOptions): DataSource {
  const context = createOperationContext({
    client: options.client,
    tableName: options.tableName,
    dataSourceName: options.name,
    tokens: createPaginationTokens(options.paginationSecret),
    onRead: options.onRead,
  });
  return {
    name: options.name,
    async invoke(request: unknown, { signal, caller }: DataSourceCallOptions = {}): Promise<DataSourceOutcome> {
      try {
        const requestObject = asRequestObject(request, 'the request');
        const operation = requiredString(requestObject, 'operation');
        if (!Object.hasOwn(OPERATIONS, operation)) {
          throw new RequestShapeError(`Unsupported operation '${operation}' for a DynamoDB data source`);
        }
        const callContext: OperationContext = {
          ...context,
          caller,
          client: signal ? sendingWith(context.client, signal) : context.client,
        };
        if (!signal) {
          return await OPERATIONS[operation](requestObject, callContext);
        }
        // the SDK may be between attempts when the signal fires: do not wait for it
        return await Promise.race([OPERATIONS[operation](requestObject, callContext), untilAborted(signal)]);
      } catch (error) {
        return { result: null, error: failureOf(error, signal) };
      }
    },
  };
}
