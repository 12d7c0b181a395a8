import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, postsTable, testDynamoDBClient } from '../test-support.ts';
import { createDynamoDBDataSource, type ReadMetrics } from '../data-source.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-getitem.html

const client = await testDynamoDBClient();
let tableName: string;
const reads: ReadMetrics[] = [];
const dataSource = () =>
  createDynamoDBDataSource({ name: 'posts', client, tableName, onRead: (read) => reads.push(read) });

beforeAll(async () => {
  tableName = await createTestTable(client, postsTable);
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        id: { S: '1' },
        title: { S: 'First post' },
        views: { N: '42' },
        tags: { SS: ['appsync', 'dynamodb'] },
        ratings: { NS: ['4.5', '5'] },
        cover: { B: Buffer.from('Hello, World!\n') },
        published: { BOOL: true },
        deletedAt: { NULL: true },
        links: { L: [{ S: 'https://example.com' }, { N: '7' }] },
        author: { M: { name: { S: 'Nadia' }, age: { N: '25' } } },
      },
    }),
  );
});

describe('GetItem', () => {
  it('returns the item with its values converted as AppSync converts them', async () => {
    const outcome = await dataSource().invoke({ operation: 'GetItem', key: { id: { S: '1' } }, consistentRead: true });
    expect(outcome).toEqual({
      result: {
        id: '1',
        title: 'First post',
        views: 42,
        tags: ['appsync', 'dynamodb'],
        ratings: [4.5, 5],
        cover: 'SGVsbG8sIFdvcmxkIQo=',
        published: true,
        deletedAt: null,
        links: ['https://example.com', 7],
        author: { name: 'Nadia', age: 25 },
      },
    });
  });

  it('returns null for a key with no item', async () => {
    expect(await dataSource().invoke({ operation: 'GetItem', key: { id: { S: 'missing' } } })).toEqual({
      result: null,
    });
  });

  it('returns only the projected attributes', async () => {
    const outcome = await dataSource().invoke({
      operation: 'GetItem',
      key: { id: { S: '1' } },
      projection: {
        expression: '#title, #author.#name',
        expressionNames: { '#title': 'title', '#author': 'author', '#name': 'name' },
      },
    });
    expect(outcome.result).toEqual({ title: 'First post', author: { name: 'Nadia' } });
  });

  it('reports each read with the capacity DynamoDB consumed', async () => {
    reads.length = 0;
    await dataSource().invoke({ operation: 'GetItem', key: { id: { S: '1' } } });
    await dataSource().invoke({ operation: 'GetItem', key: { id: { S: 'missing' } } });
    expect(reads).toEqual([
      { operation: 'GetItem', scannedCount: 1, count: 1, consumedCapacityUnits: expect.any(Number) },
      { operation: 'GetItem', scannedCount: 0, count: 0, consumedCapacityUnits: expect.any(Number) },
    ]);
    expect(reads[0].consumedCapacityUnits).toBeGreaterThan(0);
  });

  it('answers a request without a key with a MappingTemplate error', async () => {
    const outcome = await dataSource().invoke({ operation: 'GetItem' });
    expect(outcome).toEqual({ result: null, error: { type: 'MappingTemplate', message: "Value for field '$[key]' not found." } });
  });

  it('passes DynamoDB errors on in ctx.error, typed DynamoDB:<Exception>', async () => {
    const outcome = await dataSource().invoke({ operation: 'GetItem', key: { id: { N: 1 } } });
    expect(outcome.result).toBeNull();
    expect(outcome.error?.type).toBe('DynamoDB:ValidationException');
    expect(outcome.error?.message).toMatch(/\(Service: DynamoDb, Status Code: 400, Request ID: .+\)$/);
  });
});
