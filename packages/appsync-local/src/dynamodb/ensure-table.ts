import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBServiceException,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  type LocalSecondaryIndex,
  type Projection,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  GlobalSecondaryIndexDefinition,
  IndexProjection,
  KeyAttribute,
  LocalSecondaryIndexDefinition,
  TableDefinition,
} from './table-definition.ts';

// Brings a table in line with its shared definition: creates it with its
// indexes when missing, adds the global indexes an older table lacks
// (DynamoDB takes one new index per UpdateTable; local indexes it creates
// only with the table), turns on its TTL, and returns once everything is ACTIVE.
// Several callers may race on the same table: whoever loses a create simply
// waits for the winner's result.

export interface EnsureTableOptions {
  /** how long to wait for the table and its indexes to become ACTIVE; default 60 s */
  timeoutMs?: number;
}

const POLL_INTERVAL_MS = 50;

function keySchema(partitionKey: KeyAttribute, sortKey?: KeyAttribute): KeySchemaElement[] {
  const schema: KeySchemaElement[] = [{ AttributeName: partitionKey.name, KeyType: 'HASH' }];
  if (sortKey) {
    schema.push({ AttributeName: sortKey.name, KeyType: 'RANGE' });
  }
  return schema;
}

function attributeDefinitions(keys: (KeyAttribute | undefined)[]): AttributeDefinition[] {
  const byName = new Map<string, AttributeDefinition>();
  for (const key of keys) {
    if (key) {
      byName.set(key.name, { AttributeName: key.name, AttributeType: key.type });
    }
  }
  return [...byName.values()];
}

function projection(indexProjection: IndexProjection = { type: 'ALL' }): Projection {
  return indexProjection.type === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: indexProjection.nonKeyAttributes }
    : { ProjectionType: indexProjection.type };
}

function indexDefinition(index: GlobalSecondaryIndexDefinition): GlobalSecondaryIndex {
  return {
    IndexName: index.indexName,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: projection(index.projection),
  };
}

function localIndexDefinition(definition: TableDefinition, index: LocalSecondaryIndexDefinition): LocalSecondaryIndex {
  return {
    IndexName: index.indexName,
    KeySchema: keySchema(definition.partitionKey, index.sortKey),
    Projection: projection(index.projection),
  };
}

async function describeTable(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** A lost race (someone else is creating the same table or index) is not a failure. */
function isLostRace(error: unknown): boolean {
  return (
    error instanceof ResourceInUseException ||
    (error instanceof DynamoDBServiceException &&
      error.name === 'ValidationException' &&
      /already exists/i.test(error.message))
  );
}

async function createTable(client: DynamoDBClient, definition: TableDefinition, tableName: string) {
  const indexes = definition.globalSecondaryIndexes;
  const localIndexes = definition.localSecondaryIndexes ?? [];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keySchema(definition.partitionKey, definition.sortKey),
      AttributeDefinitions: attributeDefinitions([
        definition.partitionKey,
        definition.sortKey,
        ...indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
        ...localIndexes.map((index) => index.sortKey),
      ]),
      GlobalSecondaryIndexes: indexes.length > 0 ? indexes.map(indexDefinition) : undefined,
      LocalSecondaryIndexes:
        localIndexes.length > 0 ? localIndexes.map((index) => localIndexDefinition(definition, index)) : undefined,
    }),
  );
}

async function addIndex(
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
  index: GlobalSecondaryIndexDefinition,
) {
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      AttributeDefinitions: attributeDefinitions([
        definition.partitionKey,
        definition.sortKey,
        index.partitionKey,
        index.sortKey,
      ]),
      GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(index) }],
    }),
  );
}

function isActive(table: TableDescription): boolean {
  return (
    table.TableStatus === 'ACTIVE' &&
    (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE')
  );
}

async function waitUntilActive(client: DynamoDBClient, tableName: string, deadline: number): Promise<TableDescription> {
  for (;;) {
    const table = await describeTable(client, tableName);
    if (table && isActive(table)) return table;
    if (Date.now() > deadline) {
      throw new Error(`Table ${tableName} is not ACTIVE yet (status ${table?.TableStatus ?? 'missing'})`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

async function attempt(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    if (!isLostRace(error)) throw error;
  }
}

/** A local index can only come with the table: an older table without it must be recreated. */
function assertLocalIndexes(definition: TableDefinition, table: TableDescription, tableName: string) {
  const existing = new Set((table.LocalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = (definition.localSecondaryIndexes ?? []).filter((index) => !existing.has(index.indexName));
  if (missing.length > 0) {
    throw new Error(
      `Table ${tableName} exists without its local secondary index ${missing.map((index) => index.indexName).join(', ')}, ` +
        'which DynamoDB creates only with the table: delete the table to have it recreated',
    );
  }
}

/**
 * TTL as the table declares it. DynamoDB Local keeps the setting (DescribeTimeToLive
 * reports it); like DynamoDB, which deletes expired items "typically within a few
 * days", it makes no promise of when expired items go, so readers filter them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
async function ensureTimeToLive(client: DynamoDBClient, attributeName: string, tableName: string) {
  const { TimeToLiveDescription: current } = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (current?.TimeToLiveStatus === 'ENABLED' && current.AttributeName === attributeName) return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: attributeName, Enabled: true },
    }),
  );
}

export async function ensureTable(
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
  options: EnsureTableOptions = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  if (!(await describeTable(client, tableName))) {
    await attempt(() => createTable(client, definition, tableName));
  }
  for (;;) {
    const table = await waitUntilActive(client, tableName, deadline);
    const existing = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    const missing = definition.globalSecondaryIndexes.find((index) => !existing.has(index.indexName));
    if (!missing) {
      assertLocalIndexes(definition, table, tableName);
      if (definition.timeToLiveAttribute) {
        await ensureTimeToLive(client, definition.timeToLiveAttribute, tableName);
      }
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`Index ${missing.indexName} could not be added to table ${tableName}`);
    }
    await attempt(() => addIndex(client, definition, tableName, missing));
  }
}
