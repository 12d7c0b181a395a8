import { DescribeTableCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { TableDefinition } from './table-definition.ts';
import { testDynamoDBClient, uniqueTableName } from './test-support.ts';
import { ensureTable } from './ensure-table.ts';

/** Orders listed by status, by customer and by day: three indexes, sort keys of two types. */
const ordersTable: TableDefinition = {
  name: 'orders',
  partitionKey: { name: 'orderId', type: 'S' },
  globalSecondaryIndexes: [
    { indexName: 'byStatus', partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'placedAt', type: 'S' } },
    { indexName: 'byCustomer', partitionKey: { name: 'customerId', type: 'S' }, sortKey: { name: 'total', type: 'N' } },
    { indexName: 'byDay', partitionKey: { name: 'day', type: 'S' } },
  ],
};

const client = await testDynamoDBClient();

async function describeTable(tableName: string) {
  const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  if (!table) throw new Error(`no table ${tableName}`);
  return table;
}

function indexNames(table: Awaited<ReturnType<typeof describeTable>>) {
  return (table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName).sort();
}

describe('ensureTable', () => {
  it('creates the table with its keys and every index, on demand, projecting all attributes, ACTIVE', async () => {
    const tableName = uniqueTableName('ensure');
    await ensureTable(client, ordersTable, tableName);
    const table = await describeTable(tableName);
    expect(table.TableStatus).toBe('ACTIVE');
    expect(table.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.KeySchema).toEqual([{ AttributeName: 'orderId', KeyType: 'HASH' }]);
    expect(indexNames(table)).toEqual(ordersTable.globalSecondaryIndexes.map((index) => index.indexName).sort());
    for (const index of table.GlobalSecondaryIndexes ?? []) {
      expect(index.IndexStatus).toBe('ACTIVE');
      expect(index.Projection).toEqual({ ProjectionType: 'ALL' });
    }
    const byStatus = table.GlobalSecondaryIndexes?.find((index) => index.IndexName === 'byStatus');
    expect(byStatus?.KeySchema).toEqual([
      { AttributeName: 'status', KeyType: 'HASH' },
      { AttributeName: 'placedAt', KeyType: 'RANGE' },
    ]);
  });

  it('is idempotent: a second call changes nothing and keeps the data', async () => {
    const tableName = uniqueTableName('ensure');
    await ensureTable(client, ordersTable, tableName);
    await client.send(new PutItemCommand({ TableName: tableName, Item: { orderId: { S: 'kept' } } }));
    const before = await describeTable(tableName);
    await ensureTable(client, ordersTable, tableName);
    const after = await describeTable(tableName);
    expect(after.CreationDateTime).toEqual(before.CreationDateTime);
    expect(indexNames(after)).toEqual(indexNames(before));
    expect(after.ItemCount).toBe(1);
  });

  // DynamoDB Local backfills a new index in the background, on the job threads its TTL sweeps also use: 1 s
  // alone, 40 s beside 30 tables with TTL (the test APIs delete theirs when they close), so the test waits as
  // long as ensureTable itself does (60 s)
  it('adds the indexes an existing table lacks, and they answer queries over the existing items', { timeout: 70_000 }, async () => {
    const tableName = uniqueTableName('ensure');
    const [first, ...later] = ordersTable.globalSecondaryIndexes;
    const older: TableDefinition = { ...ordersTable, globalSecondaryIndexes: [first] };
    await ensureTable(client, older, tableName);
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          orderId: { S: 'o1' },
          customerId: { S: 'c7' },
          total: { N: '42.5' },
          day: { S: '2025-06-01' },
        },
      }),
    );
    await ensureTable(client, ordersTable, tableName);
    const table = await describeTable(tableName);
    expect(indexNames(table)).toEqual([first, ...later].map((index) => index.indexName).sort());
    expect(table.TableStatus).toBe('ACTIVE');
    const byCustomer = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'customerId = :customer',
        ExpressionAttributeValues: { ':customer': { S: 'c7' } },
      }),
    );
    expect(byCustomer.Items?.map((item) => item.orderId.S)).toEqual(['o1']);
  });

  it('creates a table with a sort key and no indexes', async () => {
    const tableName = uniqueTableName('ensure');
    const definition: TableDefinition = {
      name: 'threads',
      partitionKey: { name: 'forum', type: 'S' },
      sortKey: { name: 'posted', type: 'N' },
      globalSecondaryIndexes: [],
    };
    await ensureTable(client, definition, tableName);
    const table = await describeTable(tableName);
    expect(table.KeySchema).toEqual([
      { AttributeName: 'forum', KeyType: 'HASH' },
      { AttributeName: 'posted', KeyType: 'RANGE' },
    ]);
    expect(table.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: 'forum', AttributeType: 'S' },
        { AttributeName: 'posted', AttributeType: 'N' },
      ]),
    );
  });

  it('is safe to call concurrently, for different tables and for the same one', async () => {
    const names = [uniqueTableName('ensure'), uniqueTableName('ensure'), uniqueTableName('ensure')];
    const same = uniqueTableName('ensure');
    await Promise.all([...names, same, same, same].map((tableName) => ensureTable(client, ordersTable, tableName)));
    for (const tableName of [...names, same]) {
      const table = await describeTable(tableName);
      expect(table.TableStatus).toBe('ACTIVE');
      expect(indexNames(table)).toHaveLength(ordersTable.globalSecondaryIndexes.length);
    }
  });

  it('refuses a table that exists without a local secondary index it declares: only a new table can have one', async () => {
    const tableName = uniqueTableName('ensure');
    const threads: TableDefinition = {
      name: 'threads',
      partitionKey: { name: 'forum', type: 'S' },
      sortKey: { name: 'posted', type: 'S' },
      globalSecondaryIndexes: [],
    };
    await ensureTable(client, threads, tableName);
    const withLocalIndex = { ...threads, localSecondaryIndexes: [{ indexName: 'byAuthor', sortKey: { name: 'author', type: 'S' as const } }] };
    await expect(ensureTable(client, withLocalIndex, tableName)).rejects.toThrow(
      `Table ${tableName} exists without its local secondary index byAuthor, which DynamoDB creates only with the table`,
    );
  });
});
