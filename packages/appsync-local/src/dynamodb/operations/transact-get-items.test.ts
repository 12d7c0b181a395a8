import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorsTable,
  createTestTable,
  multiTableDataSource,
  postsTable,
  testDynamoDBClient,
} from '../test-support.ts';
import type { ReadMetrics } from '../data-source.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html

const client = await testDynamoDBClient();
let posts: string;
let authors: string;
const reads: ReadMetrics[] = [];
const dataSource = () => multiTableDataSource(client, (read) => reads.push(read));

beforeAll(async () => {
  [posts, authors] = await Promise.all([createTestTable(client, postsTable), createTestTable(client, authorsTable)]);
  await client.send(
    new PutItemCommand({
      TableName: posts,
      Item: { id: { S: 'p1' }, postTitle: { S: 'title' }, postDescription: { S: 'description' } },
    }),
  );
});

describe('TransactGetItems', () => {
  it('returns the items in request order, null for one that could not be retrieved (docs example)', async () => {
    reads.length = 0;
    const outcome = await dataSource().invoke({
      operation: 'TransactGetItems',
      transactItems: [
        { table: posts, key: { id: { S: 'p1' } } },
        { table: authors, key: { authorId: { S: 'a1' } } },
      ],
    });
    expect(outcome).toEqual({
      result: {
        items: [{ id: 'p1', postTitle: 'title', postDescription: 'description' }, null],
        cancellationReasons: null,
      },
    });
    expect(reads).toEqual([
      { operation: 'TransactGetItems', scannedCount: 1, count: 1, consumedCapacityUnits: expect.any(Number) },
    ]);
  });

  it("applies an item's projection", async () => {
    const outcome = await dataSource().invoke({
      operation: 'TransactGetItems',
      transactItems: [
        {
          table: posts,
          key: { id: { S: 'p1' } },
          projection: { expression: '#t', expressionNames: { '#t': 'postTitle' } },
        },
      ],
    });
    expect(outcome.result).toEqual({ items: [{ postTitle: 'title' }], cancellationReasons: null });
  });

  it('fails as a whole, with items and cancellationReasons null, when DynamoDB refuses the call', async () => {
    const outcome = await dataSource().invoke({
      operation: 'TransactGetItems',
      transactItems: [
        { table: posts, key: { id: { S: 'p1' } } },
        { table: 'no-such-table', key: { id: { S: 'x' } } },
      ],
    });
    expect(outcome).toEqual({
      result: { items: null, cancellationReasons: null },
      error: { type: 'DynamoDB:ResourceNotFoundException', message: expect.any(String) },
    });
  });

  it('answers an item without a table with a MappingTemplate error', async () => {
    const outcome = await dataSource().invoke({
      operation: 'TransactGetItems',
      transactItems: [{ key: { id: { S: 'p1' } } }],
    });
    expect(outcome).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "Value for field '$[transactItems][0][table]' not found." },
    });
  });
});
