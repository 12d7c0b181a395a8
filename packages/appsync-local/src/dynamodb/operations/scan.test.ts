import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, postsTable, testDynamoDBClient } from '../test-support.ts';
import { createDynamoDBDataSource } from '../data-source.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-scan.html

const client = await testDynamoDBClient();
let tableName: string;
const dataSource = () => createDynamoDBDataSource({ name: 'posts', client, tableName });

type Page = { items: { id: string; title: string }[]; nextToken: string | null; scannedCount: number };

beforeAll(async () => {
  tableName = await createTestTable(client, postsTable);
  const titles = ['Hello AppSync', 'Hello DynamoDB', 'Goodbye', 'Hello again', 'Other'];
  await client.send(
    new BatchWriteItemCommand({
      RequestItems: {
        [tableName]: titles.map((title, index) => ({
          PutRequest: { Item: { id: { S: `scan-${index}` }, title: { S: title } } },
        })),
      },
    }),
  );
});

describe('Scan', () => {
  it('returns every item (docs example 1)', async () => {
    const page = (await dataSource().invoke({ operation: 'Scan' })).result as Page;
    expect(page.items.map((item) => item.id).sort()).toEqual(['scan-0', 'scan-1', 'scan-2', 'scan-3', 'scan-4']);
    expect(page).toMatchObject({ nextToken: null, scannedCount: 5 });
  });

  it('filters, scannedCount still counting every item read (docs example 2)', async () => {
    const outcome = await dataSource().invoke({
      operation: 'Scan',
      filter: { expression: 'begins_with(title, :title)', expressionValues: { ':title': { S: 'Hello' } } },
    });
    const page = outcome.result as Page;
    expect(page.items.map((item) => item.title).sort()).toEqual(['Hello AppSync', 'Hello DynamoDB', 'Hello again']);
    expect(page.scannedCount).toBe(5);
  });

  it('pages with limit and nextToken', async () => {
    const ids: string[] = [];
    let nextToken: string | null = null;
    do {
      const page = (await dataSource().invoke({ operation: 'Scan', limit: 2, nextToken })).result as Page;
      ids.push(...page.items.map((item) => item.id));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(ids.sort()).toEqual(['scan-0', 'scan-1', 'scan-2', 'scan-3', 'scan-4']);
  });

  it('splits into segments that together hold every item once, and keeps tokens within their segment', async () => {
    const ids: string[] = [];
    for (const segment of [0, 1]) {
      let nextToken: string | null = null;
      do {
        const page = (await dataSource().invoke({ operation: 'Scan', segment, totalSegments: 2, limit: 1, nextToken }))
          .result as Page;
        ids.push(...page.items.map((item) => item.id));
        nextToken = page.nextToken;
        if (nextToken) {
          const otherSegment = await dataSource().invoke({
            operation: 'Scan',
            segment: 1 - segment,
            totalSegments: 2,
            nextToken,
          });
          expect(otherSegment.error?.type).toBe('DynamoDB:UserIllegalArgumentException');
        }
      } while (nextToken);
    }
    expect(ids.sort()).toEqual(['scan-0', 'scan-1', 'scan-2', 'scan-3', 'scan-4']);
  });

  it('returns only the projected attributes', async () => {
    const outcome = await dataSource().invoke({
      operation: 'Scan',
      projection: { expression: '#title', expressionNames: { '#title': 'title' } },
      filter: { expression: 'id = :id', expressionValues: { ':id': { S: 'scan-2' } } },
    });
    expect((outcome.result as Page).items).toEqual([{ title: 'Goodbye' }]);
  });

  it('answers a limit that is not an integer with a MappingTemplate error', async () => {
    const outcome = await dataSource().invoke({ operation: 'Scan', limit: '10' });
    expect(outcome).toEqual({ result: null, error: { type: 'MappingTemplate', message: 'limit must be an integer' } });
  });
});
