import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorsTable,
  createTestTable,
  multiTableDataSource,
  postsTable,
  storedItem,
  testDynamoDBClient,
} from '../test-support.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-put-item.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html

const client = await testDynamoDBClient();
let posts: string;
let authors: string;
const dataSource = () => multiTableDataSource(client);

const stored = (tableName: string, key: Record<string, { S: string }>) => storedItem(client, tableName, key);

beforeAll(async () => {
  [posts, authors] = await Promise.all([createTestTable(client, postsTable), createTestTable(client, authorsTable)]);
});

describe('BatchPutItem', () => {
  it('writes the items to their tables and returns them, in request order', async () => {
    const outcome = await dataSource().invoke({
      operation: 'BatchPutItem',
      tables: {
        [authors]: [{ authorId: { S: 'a1' }, authorName: { S: 'a1_name' } }],
        [posts]: [
          { id: { S: 'p2' }, authorId: { S: 'a1' }, postTitle: { S: 'title' } },
          { id: { S: 'p1' }, authorId: { S: 'a1' }, views: { N: 3 } },
        ],
      },
    });
    expect(outcome).toEqual({
      result: {
        data: {
          [authors]: [{ authorId: 'a1', authorName: 'a1_name' }],
          [posts]: [
            { id: 'p2', authorId: 'a1', postTitle: 'title' },
            { id: 'p1', authorId: 'a1', views: 3 },
          ],
        },
        unprocessedItems: { [authors]: [], [posts]: [] },
      },
    });
    expect(await stored(posts, { id: { S: 'p1' } })).toEqual({
      id: { S: 'p1' },
      authorId: { S: 'a1' },
      views: { N: '3' },
    });
  });

  it("refuses more than 25 items with DynamoDB's ValidationException, every item null and unprocessed", async () => {
    const items = Array.from({ length: 26 }, (_, index) => ({ id: { S: `many-${index}` } }));
    const outcome = await dataSource().invoke({ operation: 'BatchPutItem', tables: { [posts]: items } });
    expect(outcome.error).toEqual({
      type: 'DynamoDB:ValidationException',
      message: expect.stringMatching(/^Too many items requested for the BatchWriteItem call/),
    });
    expect(outcome.result).toEqual({
      data: { [posts]: items.map(() => null) },
      unprocessedItems: { [posts]: items.map((_, index) => ({ id: `many-${index}` })) },
    });
    expect(await stored(posts, { id: { S: 'many-0' } })).toBeUndefined();
  });
});

describe('BatchDeleteItem', () => {
  it('deletes the keys from their tables and returns the keys, in request order', async () => {
    await client.send(new PutItemCommand({ TableName: posts, Item: { id: { S: 'd1' } } }));
    await client.send(new PutItemCommand({ TableName: authors, Item: { authorId: { S: 'd2' } } }));
    const outcome = await dataSource().invoke({
      operation: 'BatchDeleteItem',
      tables: { [posts]: [{ id: { S: 'd1' } }, { id: { S: 'never-there' } }], [authors]: [{ authorId: { S: 'd2' } }] },
    });
    expect(outcome).toEqual({
      result: {
        data: { [posts]: [{ id: 'd1' }, { id: 'never-there' }], [authors]: [{ authorId: 'd2' }] },
        unprocessedKeys: { [posts]: [], [authors]: [] },
      },
    });
    expect(await stored(posts, { id: { S: 'd1' } })).toBeUndefined();
    expect(await stored(authors, { authorId: { S: 'd2' } })).toBeUndefined();
  });

  it('refuses more than 25 keys, every key null and unprocessed', async () => {
    const keys = Array.from({ length: 26 }, (_, index) => ({ id: { S: `many-${index}` } }));
    const outcome = await dataSource().invoke({ operation: 'BatchDeleteItem', tables: { [posts]: keys } });
    expect(outcome.error?.type).toBe('DynamoDB:ValidationException');
    expect(outcome.result).toEqual({
      data: { [posts]: keys.map(() => null) },
      unprocessedKeys: { [posts]: keys.map((_, index) => ({ id: `many-${index}` })) },
    });
  });

  it('reports a missing table as ResourceNotFoundException, the blocks still present', async () => {
    const outcome = await dataSource().invoke({
      operation: 'BatchDeleteItem',
      tables: { 'no-such-table': [{ id: { S: 'x' } }] },
    });
    expect(outcome).toEqual({
      result: { data: { 'no-such-table': [null] }, unprocessedKeys: { 'no-such-table': [{ id: 'x' }] } },
      error: { type: 'DynamoDB:ResourceNotFoundException', message: expect.any(String) },
    });
  });
});
