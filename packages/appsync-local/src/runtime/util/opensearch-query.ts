// `util.transform.toElasticsearchQueryDSL`: a filter object to an OpenSearch
// bool query, ANDing fields and the operators of each field as AWS's worked
// example does (a `bool.must` per object and per field).
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
// Our API has no OpenSearch data source; this exists so that a bundle using it
// gets an equivalent query rather than a crash.

import { isPlainObject } from './dynamodb-values.ts';

type Query = Record<string, unknown>;

class UnrenderableQuery extends Error {}

const TEXT_QUERIES: Record<string, string> = {
  match: 'match',
  matchPhrase: 'match_phrase',
  matchPhrasePrefix: 'match_phrase_prefix',
  wildcard: 'wildcard',
  regexp: 'regexp',
};

const RANGE_BOUNDS = new Set(['gt', 'gte', 'lt', 'lte']);

function operatorQuery(field: string, operator: string, operand: unknown): Query {
  if (operator === 'eq') {
    return { term: { [field]: operand } };
  }
  if (operator === 'ne') {
    return { bool: { must_not: { term: { [field]: operand } } } };
  }
  if (RANGE_BOUNDS.has(operator)) {
    return { range: { [field]: { [operator]: operand } } };
  }
  if (operator === 'range') {
    if (!Array.isArray(operand) || operand.length < 2) {
      throw new UnrenderableQuery();
    }
    return { range: { [field]: { gte: operand[0], lte: operand[1] } } };
  }
  if (operator === 'exists') {
    const exists = { exists: { field } };
    return operand === false ? { bool: { must_not: exists } } : exists;
  }
  if (Object.prototype.hasOwnProperty.call(TEXT_QUERIES, operator)) {
    return { [TEXT_QUERIES[operator]]: { [field]: operand } };
  }
  if (operator === 'multiMatch') {
    throw new Error('util.transform.toElasticsearchQueryDSL: multiMatch is not supported by the local runtime');
  }
  throw new UnrenderableQuery();
}

function objectQuery(filter: unknown): Query {
  if (!isPlainObject(filter)) {
    throw new UnrenderableQuery();
  }
  const must: Query[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) {
        throw new UnrenderableQuery();
      }
      must.push({ bool: { [key === 'and' ? 'must' : 'should']: value.map(objectQuery) } });
    } else if (key === 'not') {
      must.push({ bool: { must_not: objectQuery(value) } });
    } else {
      if (!isPlainObject(value)) {
        throw new UnrenderableQuery();
      }
      must.push({ bool: { must: Object.entries(value).map(([operator, operand]) => operatorQuery(key, operator, operand)) } });
    }
  }
  return { bool: { must } };
}

/** The query as a JSON string, or null for a filter that is not a filter object. */
export function toElasticsearchQueryDSL(filter: unknown): string | null {
  try {
    return JSON.stringify(objectQuery(filter));
  } catch (error) {
    if (error instanceof UnrenderableQuery) {
      return null;
    }
    throw error;
  }
}
