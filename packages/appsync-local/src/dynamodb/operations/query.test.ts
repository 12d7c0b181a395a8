import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, postsTable, testDynamoDBClient } from '../test-support.ts';
import { createDynamoDBDataSource, type ReadMetrics } from '../data-source.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html

const client = await testDynamoDBClient();
let tableName: string;
const reads: ReadMetrics[] = [];
const dataSource = (name = 'posts') =>
  createDynamoDBDataSource({ name, client, tableName, onRead: (read) => reads.push(read) });

/** The docs' example: "a global secondary index on a table is queried to return all posts owned by the specified ID". */
const postsOf = (owner: string) => ({
  operation: 'Query',
  query: { expression: 'ownerId = :ownerId', expressionValues: { ':ownerId': { S: owner } } },
  index: 'owner-index',
});

/** AppSync's answer to a nextToken it cannot take. */
const INVALID_TOKEN_ERROR = {
  type: 'DynamoDB:UserIllegalArgumentException',
  message: 'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
};

beforeAll(async () => {
  tableName = await createTestTable(client, postsTable);
  const posts = Array.from({ length: 7 }, (_, index) => ({
    id: { S: `post-${index}` },
    ownerId: { S: 'owner-1' },
    postedAt: { S: `2025-01-0${index + 1}` },
    status: { S: index % 2 === 0 ? 'PUBLISHED' : 'DRAFT' },
    title: { S: `Post ${index}` },
  }));
  posts.push({
    id: { S: 'other' },
    ownerId: { S: 'owner-2' },
    postedAt: { S: '2025-01-01' },
    status: { S: 'PUBLISHED' },
    title: { S: 'Other' },
  });
  await client.send(
    new BatchWriteItemCommand({ RequestItems: { [tableName]: posts.map((Item) => ({ PutRequest: { Item } })) } }),
  );
});

describe('Query', () => {
  it('returns { items, nextToken, scannedCount } with plain values (the docs example)', async () => {
    const outcome = await dataSource().invoke(postsOf('owner-2'));
    expect(outcome).toEqual({
      result: {
        items: [{ id: 'other', ownerId: 'owner-2', postedAt: '2025-01-01', status: 'PUBLISHED', title: 'Other' }],
        nextToken: null,
        scannedCount: 1,
      },
    });
  });

  it('orders by the sort key, backwards with scanIndexForward: false', async () => {
    const forward = await dataSource().invoke(postsOf('owner-1'));
    const backward = await dataSource().invoke({ ...postsOf('owner-1'), scanIndexForward: false });
    const dates = (outcome: typeof forward) =>
      (outcome.result as { items: { postedAt: string }[] }).items.map((item) => item.postedAt);
    expect(dates(forward)).toEqual([...dates(forward)].sort());
    expect(dates(backward)).toEqual([...dates(forward)].reverse());
  });

  it('counts in scannedCount the items read before the filter', async () => {
    const outcome = await dataSource().invoke({
      ...postsOf('owner-1'),
      filter: {
        expression: '#status = :status',
        expressionNames: { '#status': 'status' },
        expressionValues: { ':status': { S: 'PUBLISHED' } },
      },
    });
    const result = outcome.result as { items: unknown[]; scannedCount: number };
    expect(result.items).toHaveLength(4);
    expect(result.scannedCount).toBe(7);
  });

  it('narrows on the sort key and returns only the projected attributes', async () => {
    const outcome = await dataSource().invoke({
      operation: 'Query',
      index: 'owner-index',
      query: {
        expression: '#owner = :owner AND #postedAt BETWEEN :from AND :to',
        expressionNames: { '#owner': 'ownerId', '#postedAt': 'postedAt' },
        expressionValues: { ':owner': { S: 'owner-1' }, ':from': { S: '2025-01-02' }, ':to': { S: '2025-01-03' } },
      },
      projection: { expression: '#title', expressionNames: { '#title': 'title' } },
      select: 'SPECIFIC_ATTRIBUTES',
    });
    expect((outcome.result as { items: unknown[] }).items).toEqual([{ title: 'Post 1' }, { title: 'Post 2' }]);
  });

  it('pages with limit, each page continued by the opaque nextToken, until there is none', async () => {
    const seen: string[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const outcome = await dataSource().invoke({ ...postsOf('owner-1'), limit: 3, nextToken });
      expect(outcome.error).toBeUndefined();
      const page = outcome.result as { items: { id: string }[]; nextToken: string | null };
      seen.push(...page.items.map((item) => item.id));
      if (page.nextToken) {
        expect(page.nextToken).not.toContain('post-');
        expect(Buffer.from(page.nextToken, 'base64url').toString('latin1')).not.toContain('post-');
      }
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, index) => `post-${index}`));
    expect(pages).toBe(3);
  });

  it('rejects a tampered nextToken the way AppSync does', async () => {
    const first = (await dataSource().invoke({ ...postsOf('owner-1'), limit: 2 })).result as { nextToken: string };
    const tampered = first.nextToken.slice(0, -2) + (first.nextToken.endsWith('AA') ? 'BB' : 'AA');
    const outcome = await dataSource().invoke({ ...postsOf('owner-1'), limit: 2, nextToken: tampered });
    expect(outcome).toEqual({
      result: null,
      error: INVALID_TOKEN_ERROR,
    });
  });

  it('rejects a token from another data source, another operation or another index', async () => {
    const token = ((await dataSource().invoke({ ...postsOf('owner-1'), limit: 2 })).result as { nextToken: string })
      .nextToken;
    const foreignDataSource = await dataSource('other-source').invoke({
      ...postsOf('owner-1'),
      limit: 2,
      nextToken: token,
    });
    const asScan = await dataSource().invoke({ operation: 'Scan', index: 'owner-index', limit: 2, nextToken: token });
    const onTable = await dataSource().invoke({
      operation: 'Query',
      query: { expression: 'id = :id', expressionValues: { ':id': { S: 'post-1' } } },
      nextToken: token,
    });
    for (const outcome of [foreignDataSource, asScan, onTable]) {
      expect(outcome.error?.type).toBe('DynamoDB:UserIllegalArgumentException');
    }
  });

  // js-aws-appsync-resolver-reference-dynamodb-query: "these pagination tokens cannot be used across
  // different functions or resolvers". A token sent by another resolver or function gets the same
  // error as a tampered one. The page binds a token to its issuer only: our reading is that its own
  // resolver may send it back with another filter or limit, which DynamoDB takes as a start key.
  it('rejects a token issued to another resolver or pipeline function, as with any invalid token', async () => {
    const page = { ...postsOf('owner-1'), limit: 2 };
    const token = ((await dataSource().invoke(page, { caller: 'Query.listPosts' })).result as { nextToken: string }).nextToken;
    for (const caller of ['Query.searchPosts', 'function:listPage', undefined]) {
      const outcome = await dataSource().invoke({ ...page, nextToken: token }, { caller });
      expect(outcome).toEqual({
        result: null,
        error: INVALID_TOKEN_ERROR,
      });
    }
    const published = {
      ...page,
      limit: 3,
      filter: {
        expression: '#status = :published',
        expressionNames: { '#status': 'status' },
        expressionValues: { ':published': { S: 'PUBLISHED' } },
      },
      nextToken: token,
    };
    const sameResolver = await dataSource().invoke(published, { caller: 'Query.listPosts' });
    expect(sameResolver.error).toBeUndefined();
    expect((sameResolver.result as { scannedCount: number }).scannedCount).toBe(3);
  });

  it('reports items read and returned for each page', async () => {
    reads.length = 0;
    await dataSource().invoke({
      ...postsOf('owner-1'),
      filter: {
        expression: '#status = :status',
        expressionNames: { '#status': 'status' },
        expressionValues: { ':status': { S: 'DRAFT' } },
      },
    });
    expect(reads).toEqual([
      { operation: 'Query', scannedCount: 7, count: 3, consumedCapacityUnits: expect.any(Number) },
    ]);
  });

  it('answers a request without a query section with a MappingTemplate error', async () => {
    const outcome = await dataSource().invoke({ operation: 'Query', index: 'owner-index' });
    expect(outcome).toEqual({ result: null, error: { type: 'MappingTemplate', message: "Value for field '$[query]' not found." } });
  });
});
