import { describe, expect, it } from 'vitest';
import { toSubscriptionFilter } from './subscription-filter.ts';

// Expected values: AWS's answers recorded in localstack/appsync-utils,
// __tests__/__snapshots__/transform-subscription.test.js.snap.
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html

const entry = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });
const groups = (...alternatives: ReturnType<typeof entry>[][]) => ({ filterGroup: alternatives.map((filters) => ({ filters })) });

describe('util.transform.toSubscriptionFilter', () => {
  it.each([
    ['one operator on one field', { a: { eq: 1 } }, groups([entry('a', 'eq', 1)])],
    ['two fields are combined', { a: { eq: 1 }, b: { eq: 2 } }, groups([entry('a', 'eq', 1), entry('b', 'eq', 2)])],
    ['an and combines its members', { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, groups([entry('a', 'eq', 1), entry('b', 'eq', 2)])],
    ['a field beside an and', { z: { eq: 0 }, and: [{ a: { eq: 1 } }] }, groups([entry('z', 'eq', 0), entry('a', 'eq', 1)])],
    ['a field path is kept as written', { 'loc.addr.country': { eq: 'USA' } }, groups([entry('loc.addr.country', 'eq', 'USA')])],
    ['two operators on one field are alternatives', { a: { eq: 1, ne: 2 } }, groups([entry('a', 'eq', 1)], [entry('a', 'ne', 2)])],
    ['an or splits into a group per member', { or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, groups([entry('a', 'eq', 1)], [entry('b', 'eq', 2)])],
    [
      'an or nested in an and',
      { and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] },
      groups([entry('a', 'eq', 1), entry('b', 'eq', 2)], [entry('a', 'eq', 1), entry('c', 'eq', 3)]),
    ],
    [
      'the comparisons are carried through as written',
      { a: { le: 1 }, b: { lt: 2 }, c: { ge: 3 }, d: { gt: 4 } },
      groups([entry('a', 'le', 1), entry('b', 'lt', 2), entry('c', 'ge', 3), entry('d', 'gt', 4)]),
    ],
    ['membership', { a: { in: [1, 2] }, b: { notIn: ['x'] } }, groups([entry('a', 'in', [1, 2]), entry('b', 'notIn', ['x'])])],
    ['between', { a: { between: [1, 9] } }, groups([entry('a', 'between', [1, 9])])],
    [
      'the string operators',
      { a: { contains: 'x' }, b: { notContains: 'y' }, c: { beginsWith: 'z' } },
      groups([entry('a', 'contains', 'x'), entry('b', 'notContains', 'y'), entry('c', 'beginsWith', 'z')]),
    ],
    ['containsAny', { a: { containsAny: ['x', 'y'] } }, groups([entry('a', 'containsAny', ['x', 'y'])])],
    ['a boolean value', { a: { eq: false } }, groups([entry('a', 'eq', false)])],
    ['an unknown operator passes straight through', { a: { bogus: 1 } }, groups([entry('a', 'bogus', 1)])],
    ['not is read as a field name', { not: { a: { eq: 1 } } }, groups([entry('not', 'a', { eq: 1 })])],
    ['an empty filter gives no group', {}, groups()],
    ['a field with no operator gives no group', { a: {} }, groups()],
    ['an empty and gives no group', { and: [] }, groups()],
  ])('%s', (_name, filter, expected) => {
    expect(toSubscriptionFilter(filter)).toEqual(expected);
  });

  it('operators and groups together multiply out', () => {
    const filter = {
      percentageUp: { lte: 50, gte: 20 },
      and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],
      or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
    };
    const shared = [entry('title', 'ne', 'Book1'), entry('downvotes', 'gt', 2000)];
    expect(toSubscriptionFilter(filter)).toEqual(
      groups(
        [entry('percentageUp', 'lte', 50), ...shared, entry('author', 'eq', 'Admin')],
        [entry('percentageUp', 'lte', 50), ...shared, entry('isPublished', 'eq', false)],
        [entry('percentageUp', 'gte', 20), ...shared, entry('author', 'eq', 'Admin')],
        [entry('percentageUp', 'gte', 20), ...shared, entry('isPublished', 'eq', false)],
      ),
    );
  });

  it('ignored fields are dropped, also inside an and', () => {
    expect(toSubscriptionFilter({ a: { eq: 1 }, b: { eq: 2 } }, ['a'])).toEqual(groups([entry('b', 'eq', 2)]));
    expect(toSubscriptionFilter({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, ['b'])).toEqual(groups([entry('a', 'eq', 1)]));
  });

  it('rules are alternatives added to every group', () => {
    expect(toSubscriptionFilter({ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: 'p' } })).toEqual(
      groups([entry('a', 'eq', 1), entry('r1', 'gte', 250)], [entry('a', 'eq', 1), entry('r2', 'eq', 'p')]),
    );
    expect(toSubscriptionFilter({}, [], { r1: { eq: 1 } })).toEqual(groups([entry('r1', 'eq', 1)]));
  });

  it.each([
    ['null', null],
    ['no filter at all', undefined],
    ['an array', []],
    ['a JSON string', '{"a":{"eq":1}}'],
  ])('a filter that is not an object (%s) gives null', (_name, filter) => {
    expect(toSubscriptionFilter(filter)).toBeNull();
  });

  // The three worked examples of AWS's page, input and output as printed:
  // https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
  // ("Subscription filter arguments", Argument 1, 2 and 3).
  describe('the documented examples (transformation-helpers-in-utils-transform-js.html, Subscription filter arguments)', () => {
    const documentedFilter = (downvotes: number) => ({
      percentageUp: { lte: 50, gte: 20 },
      and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: downvotes } }],
      or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
    });
    const kept = [entry('title', 'ne', 'Book1'), entry('downvotes', 'gt', 20), entry('isPublished', 'eq', false)];

    it('Argument 2: ignoring percentageUp and author drops the author branch of the or, leaving one group', () => {
      expect(toSubscriptionFilter(documentedFilter(20), ['percentageUp', 'author'])).toEqual(groups(kept));
    });

    // The page's input for this example prints `"downvotes": { "lt": 20 }` but its
    // output `"gt", 20`, the value of the two examples before it; the input here
    // uses `gt` so that the documented output is what is checked.
    it('Argument 3: each rule yields its own group, and a rule is kept even when its field is ignored', () => {
      const rules = { upvotes: { gte: 250 }, author: { eq: 'Person1' } };
      expect(toSubscriptionFilter(documentedFilter(20), ['percentageUp', 'author'], rules)).toEqual(
        groups([...kept, entry('upvotes', 'gte', 250)], [...kept, entry('author', 'eq', 'Person1')]),
      );
    });
  });
});
