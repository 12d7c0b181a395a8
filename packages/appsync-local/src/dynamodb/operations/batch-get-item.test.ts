import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorsTable,
  createTestTable,
  multiTableDataSource,
  postsTable,
  testDynamoDBClient,
} from '../test-support.ts';
import type { ReadMetrics } from '../data-source.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html

const client = await testDynamoDBClient();
let posts: string;
let authors: string;
const reads: ReadMetrics[] = [];
const dataSource = () => multiTableDataSource(client, (read) => reads.push(read));

beforeAll(async () => {
  [posts, authors] = await Promise.all([createTestTable(client, postsTable), createTestTable(client, authorsTable)]);
  await client.send(
    new BatchWriteItemCommand({
      RequestItems: {
        [posts]: ['p1', 'p2', 'p3'].map((id) => ({
          PutRequest: { Item: { id: { S: id }, authorId: { S: 'a1' }, postTitle: { S: `title ${id}` } } },
        })),
        [authors]: [{ PutRequest: { Item: { authorId: { S: 'a2' }, authorName: { S: 'Ann' } } } }],
      },
    }),
  );
});

describe('BatchGetItem', () => {
  it('returns items per table in the order of the keys, null where there is none', async () => {
    const outcome = await dataSource().invoke({
      operation: 'BatchGetItem',
      tables: {
        [authors]: { keys: [{ authorId: { S: 'a1' } }, { authorId: { S: 'a2' } }] },
        [posts]: { keys: [{ id: { S: 'p3' } }, { id: { S: 'missing' } }, { id: { S: 'p1' } }], consistentRead: true },
      },
    });
    expect(outcome).toEqual({
      result: {
        data: {
          [authors]: [null, { authorId: 'a2', authorName: 'Ann' }],
          [posts]: [
            { id: 'p3', authorId: 'a1', postTitle: 'title p3' },
            null,
            { id: 'p1', authorId: 'a1', postTitle: 'title p1' },
          ],
        },
        unprocessedKeys: { [authors]: [], [posts]: [] },
      },
    });
  });

  it("accepts each table's keys as a bare array, as the docs' example writes them", async () => {
    const outcome = await dataSource().invoke({
      operation: 'BatchGetItem',
      tables: { [authors]: [{ authorId: { S: 'a2' } }], [posts]: [{ id: { S: 'p2' } }] },
    });
    expect(outcome.result).toEqual({
      data: {
        [authors]: [{ authorId: 'a2', authorName: 'Ann' }],
        [posts]: [{ id: 'p2', authorId: 'a1', postTitle: 'title p2' }],
      },
      unprocessedKeys: { [authors]: [], [posts]: [] },
    });
  });

  it("applies a table's projection", async () => {
    const outcome = await dataSource().invoke({
      operation: 'BatchGetItem',
      tables: {
        [posts]: {
          keys: [{ id: { S: 'p1' } }],
          projection: { expression: '#id, #title', expressionNames: { '#id': 'id', '#title': 'postTitle' } },
        },
      },
    });
    expect(outcome.result).toEqual({
      data: { [posts]: [{ id: 'p1', postTitle: 'title p1' }] },
      unprocessedKeys: { [posts]: [] },
    });
  });

  it('reports the items read', async () => {
    reads.length = 0;
    await dataSource().invoke({
      operation: 'BatchGetItem',
      tables: { [posts]: { keys: [{ id: { S: 'p1' } }, { id: { S: 'nope' } }] } },
    });
    expect(reads).toEqual([
      { operation: 'BatchGetItem', scannedCount: 1, count: 1, consumedCapacityUnits: expect.any(Number) },
    ]);
  });

  it("refuses more than 100 keys with DynamoDB's ValidationException, every key left unprocessed", async () => {
    const keys = Array.from({ length: 101 }, (_, index) => ({ id: { S: `k${index}` } }));
    const outcome = await dataSource().invoke({ operation: 'BatchGetItem', tables: { [posts]: { keys } } });
    expect(outcome.error).toEqual({
      type: 'DynamoDB:ValidationException',
      message: expect.stringMatching(/^Too many items requested for the BatchGetItem call/),
    });
    const result = outcome.result as { data: Record<string, unknown[]>; unprocessedKeys: Record<string, unknown[]> };
    expect(result.data[posts]).toEqual(keys.map(() => null));
    expect(result.unprocessedKeys[posts]).toEqual(keys.map((_, index) => ({ id: `k${index}` })));
  });

  it('answers a request without tables with a MappingTemplate error', async () => {
    const outcome = await dataSource().invoke({ operation: 'BatchGetItem', tables: {} });
    expect(outcome).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: 'tables must name at least one table' },
    });
  });
});
