import { describe, expect, it } from 'vitest';
import { toElasticsearchQueryDSL } from './opensearch-query.ts';

describe('util.transform.toElasticsearchQueryDSL', () => {
  // the worked example of https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
  it('renders the documented example', () => {
    const query = toElasticsearchQueryDSL({ upvotes: { ne: 15, range: [10, 20] }, title: { eq: 'hihihi', wildcard: 'h*i' } });
    expect(JSON.parse(query as string)).toEqual({
      bool: {
        must: [
          {
            bool: {
              must: [{ bool: { must_not: { term: { upvotes: 15 } } } }, { range: { upvotes: { gte: 10, lte: 20 } } }],
            },
          },
          { bool: { must: [{ term: { title: 'hihihi' } }, { wildcard: { title: 'h*i' } }] } },
        ],
      },
    });
  });

  it('or, not, bounds and text queries', () => {
    const query = toElasticsearchQueryDSL({ or: [{ a: { gt: 1 } }, { b: { matchPhrase: 'x y' } }], not: { c: { exists: true } } });
    expect(JSON.parse(query as string)).toEqual({
      bool: {
        must: [
          {
            bool: {
              should: [{ bool: { must: [{ bool: { must: [{ range: { a: { gt: 1 } } }] } }] } }, { bool: { must: [{ bool: { must: [{ match_phrase: { b: 'x y' } }] } }] } }],
            },
          },
          { bool: { must_not: { bool: { must: [{ bool: { must: [{ exists: { field: 'c' } }] } }] } } } },
        ],
      },
    });
  });

  it('answers null for what is not a filter object, and refuses multiMatch loudly', () => {
    expect(toElasticsearchQueryDSL(null)).toBeNull();
    expect(toElasticsearchQueryDSL({ a: { bogus: 1 } })).toBeNull();
    expect(() => toElasticsearchQueryDSL({ a: { multiMatch: 'x' } })).toThrow('not supported by the local runtime');
  });
});
