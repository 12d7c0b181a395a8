import { GetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createDynamoDBClient } from './client.ts';
import { createDynamoDBDataSource, type ReadMetrics } from './data-source.ts';
import { ENDPOINT_FILE, FAILURE_FILE } from './dynamodb-local.global-setup.ts';
import { ensureTable } from './ensure-table.ts';
import type { TableDefinition } from './table-definition.ts';
import { waitForSetupFile } from '../wait-for-setup-file.ts';

// Tables for tests in the shared DynamoDB Local: every test file makes its
// own, under a name no other file or run uses, so files run in parallel
// without seeing each other's data.

/** e.g. `events-4711-9f3a1c2b`: the base, this worker's pid, and random hex. */
export function uniqueTableName(base: string): string {
  return `${base}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

let endpoint: Promise<string> | undefined;

/**
 * The endpoint of the DynamoDB the test run shares (see dynamodb-local.global-setup.ts),
 * which only the integration project starts, once it answers.
 */
export async function sharedDynamoDBEndpoint(): Promise<string> {
  const folder = inject('sharedDynamoDBFolder');
  if (!folder) {
    throw new Error('This test needs DynamoDB Local: list it in NEEDS_DYNAMODB_LOCAL in vitest.config.ts');
  }
  endpoint ??= waitForSetupFile({
    folder,
    file: ENDPOINT_FILE,
    failureFile: FAILURE_FILE,
    what: 'The shared DynamoDB Local',
  }).then((file) => readFileSync(file, 'utf8'));
  return endpoint;
}

/** A client of the DynamoDB the test run shares. */
export async function testDynamoDBClient(): Promise<DynamoDBClient> {
  return createDynamoDBClient({ endpoint: await sharedDynamoDBEndpoint() });
}

/** The item as stored (typed DynamoDB JSON), read consistently, or undefined. */
export async function storedItem(
  client: DynamoDBClient,
  tableName: string,
  key: Record<string, AttributeValue>,
): Promise<Record<string, AttributeValue> | undefined> {
  return (await client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
}

/**
 * A data source for batch and transaction requests: they name their tables
 * themselves, so the data source's own table plays no part.
 */
export function multiTableDataSource(client: DynamoDBClient, onRead?: (read: ReadMetrics) => void) {
  return createDynamoDBDataSource({ name: 'posts', client, tableName: 'unused', onRead });
}

/** Creates a fresh table from a definition and returns its name. */
export async function createTestTable(client: DynamoDBClient, definition: TableDefinition): Promise<string> {
  const tableName = uniqueTableName(definition.name);
  await ensureTable(client, definition, tableName);
  return tableName;
}

/**
 * The table of the AWS docs' DynamoDB examples: posts by `id`, and an
 * `owner-index` to list an owner's posts by date, as in the Query example of
 * https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
 */
export const postsTable: TableDefinition = {
  name: 'posts',
  partitionKey: { name: 'id', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: 'owner-index',
      partitionKey: { name: 'ownerId', type: 'S' },
      sortKey: { name: 'postedAt', type: 'S' },
    },
  ],
};

/** The second table of the docs' batch and transaction examples. */
export const authorsTable: TableDefinition = {
  name: 'authors',
  partitionKey: { name: 'authorId', type: 'S' },
  globalSecondaryIndexes: [],
};

/** Whether a process runs; a zombie (dead, not yet reaped) does not count. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
  return state !== 'Z';
}
