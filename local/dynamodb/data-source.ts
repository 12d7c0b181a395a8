import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DataSource, DataSourceCaller, DataSourceError, DataSourceOutcome } from '../types.ts';
import {
  dynamoDBFailure,
  invalidNextTokenFailure,
  requestShapeFailure,
  RequestShapeError,
} from './data-source-errors.ts';
import { batchGetItem } from './operations/batch-get-item.ts';
import { batchDeleteItem, batchPutItem } from './operations/batch-write-items.ts';
import { deleteItem } from './operations/delete-item.ts';
import { getItem } from './operations/get-item.ts';
import { createOperationContext, type OperationHandler, type ReadMetrics } from './operations/operation-context.ts';
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

function failureOf(error: unknown): DataSourceError {
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
    async invoke(request: unknown, caller?: DataSourceCaller): Promise<DataSourceOutcome> {
      try {
        const requestObject = asRequestObject(request, 'the request');
        const operation = requiredString(requestObject, 'operation');
        if (!Object.hasOwn(OPERATIONS, operation)) {
          throw new RequestShapeError(`Unsupported operation '${operation}' for a DynamoDB data source`);
        }
        return await OPERATIONS[operation](requestObject, { ...context, caller });
      } catch (error) {
        return { result: null, error: failureOf(error) };
      }
    },
  };
}
