import type { ConsumedCapacity, DynamoDBClient, ReturnConsumedCapacity } from '@aws-sdk/client-dynamodb';
import type { DataSourceOutcome } from '../../types.ts';
import type { PaginationTokens } from '../pagination-token.ts';
import type { RequestObject } from '../request-fields.ts';

/** Items DynamoDB read for one read call, against those it returned. */
export interface ReadMetrics {
  /** the DynamoDB call: GetItem, Query, Scan, BatchGetItem, TransactGetItems */
  operation: string;
  /** items DynamoDB read (before any filter) */
  scannedCount: number;
  /** items it returned */
  count: number;
  /** read capacity the call consumed, when DynamoDB reports it */
  consumedCapacityUnits?: number;
}

/** The part of the DynamoDB client operations use: a call's deadline is added to every command. */
export type DynamoDBSender = Pick<DynamoDBClient, 'send'>;

/** What every operation translation works with. */
export interface OperationContext {
  client: DynamoDBSender;
  /** the data source's table; batch and transaction requests name their tables themselves */
  tableName: string;
  dataSourceName: string;
  /** the resolver or function the request came from (see DataSourceCaller) */
  caller?: string;
  tokens: PaginationTokens;
  /** asks DynamoDB for consumed capacity only when someone listens */
  returnConsumedCapacity?: ReturnConsumedCapacity;
  reportRead(
    operation: string,
    counts: { scannedCount: number; count: number },
    consumed: ConsumedCapacity | ConsumedCapacity[] | undefined,
  ): void;
}

/** Translates one kind of request object into DynamoDB calls and AppSync's result shape. */
export type OperationHandler = (request: RequestObject, context: OperationContext) => Promise<DataSourceOutcome>;

export interface OperationContextOptions {
  client: DynamoDBClient;
  tableName: string;
  dataSourceName: string;
  tokens: PaginationTokens;
  onRead?: (metrics: ReadMetrics) => void;
}

function capacityUnits(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): number | undefined {
  if (consumed === undefined) return undefined;
  const all = Array.isArray(consumed) ? consumed : [consumed];
  return all.reduce((total, entry) => total + (entry.CapacityUnits ?? 0), 0);
}

export function createOperationContext(options: OperationContextOptions): OperationContext {
  const { onRead } = options;
  return {
    client: options.client,
    tableName: options.tableName,
    dataSourceName: options.dataSourceName,
    tokens: options.tokens,
    returnConsumedCapacity: onRead ? 'TOTAL' : undefined,
    reportRead(operation, counts, consumed) {
      onRead?.({ operation, ...counts, consumedCapacityUnits: capacityUnits(consumed) });
    },
  };
}
