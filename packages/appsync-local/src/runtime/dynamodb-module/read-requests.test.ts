import { describe, expect, it } from 'vitest';
import { query, scan, sync } from './read-requests.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

describe('scan', () => {
  it('recorded (localstack/appsync-utils index.test.js.snap): paging only', () => {
    expect(scan({ limit: 10, nextToken: 'abc' })).toEqual({ operation: 'Scan', limit: 10, nextToken: 'abc' });
  });

  it('an index, segments, a filter and a projection', () => {
    expect(scan({ index: 'byStatus', totalSegments: 4, segment: 1, consistentRead: false, filter: { status: { eq: 'ACTIVE' } }, projection: ['id'] })).toEqual({
      operation: 'Scan',
      index: 'byStatus',
      totalSegments: 4,
      segment: 1,
      consistentRead: false,
      filter: { expression: '(#status = :status_eq)', expressionNames: { '#status': 'status' }, expressionValues: { ':status_eq': { S: 'ACTIVE' } } },
      projection: { expression: '#id', expressionNames: { '#id': 'id' } },
    });
  });
});

describe('query, as Query.listEvents builds it', () => {
  const range = ['2025-06-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z'];

  it('a date range on the item-type index', () => {
    expect(query({ index: 'byItemTypeAndDate', query: { date: { between: range }, itemType: { eq: 'EVENT' } }, limit: 20, scanIndexForward: true })).toEqual({
      operation: 'Query',
      index: 'byItemTypeAndDate',
      query: {
        expression: '(#date BETWEEN :date_between_start AND :date_between_end) AND (#itemType = :itemType_eq)',
        expressionNames: { '#date': 'date', '#itemType': 'itemType' },
        expressionValues: {
          ':date_between_start': { S: range[0] },
          ':date_between_end': { S: range[1] },
          ':itemType_eq': { S: 'EVENT' },
        },
      },
      limit: 20,
      scanIndexForward: true,
    });
  });

  it('from a date, by status, on the next page', () => {
    expect(query({ index: 'byStatusAndDate', query: { date: { ge: range[0] }, status: { eq: 'ACTIVE' } }, limit: 5, scanIndexForward: true, nextToken: 'page-2' })).toEqual({
      operation: 'Query',
      index: 'byStatusAndDate',
      query: {
        expression: '(#date >= :date_ge) AND (#status = :status_eq)',
        expressionNames: { '#date': 'date', '#status': 'status' },
        expressionValues: { ':date_ge': { S: range[0] }, ':status_eq': { S: 'ACTIVE' } },
      },
      nextToken: 'page-2',
      limit: 5,
      scanIndexForward: true,
    });
  });

  it('up to a date, by organizer, filtered by status', () => {
    expect(query({ index: 'byOrganizerAndDate', query: { date: { le: range[1] }, organizer: { eq: 'Ada' } }, limit: 20, scanIndexForward: true, filter: { status: { eq: 'DRAFT' } } })).toEqual({
      operation: 'Query',
      index: 'byOrganizerAndDate',
      query: {
        expression: '(#date <= :date_le) AND (#organizer = :organizer_eq)',
        expressionNames: { '#date': 'date', '#organizer': 'organizer' },
        expressionValues: { ':date_le': { S: range[1] }, ':organizer_eq': { S: 'Ada' } },
      },
      limit: 20,
      scanIndexForward: true,
      filter: { expression: '(#status = :status_eq)', expressionNames: { '#status': 'status' }, expressionValues: { ':status_eq': { S: 'DRAFT' } } },
    });
  });

  it('a partition alone, descending, with beginsWith, select and consistent reads', () => {
    expect(query({ query: { pk: { eq: 'u#1' }, sk: { beginsWith: 'order#' } }, scanIndexForward: false, select: 'ALL_ATTRIBUTES', consistentRead: true })).toEqual({
      operation: 'Query',
      query: {
        expression: '(#pk = :pk_eq) AND (begins_with(#sk,:sk_beginsWith))',
        expressionNames: { '#pk': 'pk', '#sk': 'sk' },
        expressionValues: { ':pk_eq': { S: 'u#1' }, ':sk_beginsWith': { S: 'order#' } },
      },
      scanIndexForward: false,
      consistentRead: true,
      select: 'ALL_ATTRIBUTES',
    });
  });

  it('leaves out options given as null, and an empty filter', () => {
    expect(query({ query: { id: { eq: 1 } }, index: null, nextToken: null, limit: null, filter: {} })).toEqual({
      operation: 'Query',
      query: { expression: '(#id = :id_eq)', expressionNames: { '#id': 'id' }, expressionValues: { ':id_eq': { N: 1 } } },
    });
  });

  it('refuses a query without a key condition', () => {
    expect(() => query({ query: {} })).toThrow('names no key');
    expect(() => query({})).toThrow('names no key');
    expect(() => query(null)).toThrow('query: expected an object argument');
  });
});

describe('sync', () => {
  it('passes its options through', () => {
    expect(sync({ limit: 10, nextToken: 'abc', lastSync: 1, basePartitionKey: 'pk', deltaIndexName: 'delta', filter: { a: { eq: 1 } } })).toEqual({
      operation: 'Sync',
      basePartitionKey: 'pk',
      deltaIndexName: 'delta',
      limit: 10,
      nextToken: 'abc',
      lastSync: 1,
      filter: { expression: '(#a = :a_eq)', expressionNames: { '#a': 'a' }, expressionValues: { ':a_eq': { N: 1 } } },
    });
  });
});
