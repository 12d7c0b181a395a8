import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBServiceException,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GlobalSecondaryIndexDefinition, KeyAttribute, TableDefinition } from './table-definition.ts';

// Brings a table in line with its shared definition: creates it with its
// indexes when missing, adds the indexes an older table lacks (DynamoDB takes
// one new index per UpdateTable), and returns once everything is ACTIVE.
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

function indexDefinition(index: GlobalSecondaryIndexDefinition): GlobalSecondaryIndex {
  return {
    IndexName: index.indexName,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: { ProjectionType: 'ALL' },
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
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keySchema(definition.partitionKey, definition.sortKey),
      AttributeDefinitions: attributeDefinitions([
        definition.partitionKey,
        definition.sortKey,
        ...indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
      ]),
      GlobalSecondaryIndexes: indexes.length > 0 ? indexes.map(indexDefinition) : undefined,
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
    if (!missing) return;
    if (Date.now() > deadline) {
      throw new Error(`Index ${missing.indexName} could not be added to table ${tableName}`);
    }
    await attempt(() => addIndex(client, definition, tableName, missing));
  }
}
