import { describe, expect, it } from 'vitest';
import { checkSubscriptionFilter, matchesSubscriptionFilter, SUBSCRIPTION_FILTER_LIMITS } from './subscription-filter-match.ts';

// The operators and limits of enhanced subscription filters:
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html

const ticket = {
  severity: 5,
  priority: 'high',
  category: 'security',
  tags: ['urgent', 'network'],
  content: 'The VPN is down',
  author: { name: 'alice', team: { name: 'ops' } },
  resolved: false,
};

function matches(operator: string, fieldName: string, value: unknown): boolean {
  const check = checkSubscriptionFilter({ filterGroup: [{ filters: [{ fieldName, operator, value }] }] });
  if ('problem' in check) {
    throw new Error(check.problem);
  }
  return matchesSubscriptionFilter(check.filter, ticket);
}

describe('aws-appsync-real-time-enhanced-filtering: operators', () => {
  it.each([
    ['eq', 'severity', 5, true],
    ['eq', 'severity', 4, false],
    ['eq', 'resolved', false, true],
    ['eq', 'priority', 'high', true],
    ['ne', 'priority', 'high', false],
    ['ne', 'priority', 'low', true],
    ['le', 'severity', 5, true],
    ['le', 'severity', 4, false],
    ['lt', 'severity', 5, false],
    ['lt', 'severity', 6, true],
    ['ge', 'severity', 5, true],
    ['ge', 'severity', 6, false],
    ['gt', 'severity', 4, true],
    ['gt', 'severity', 5, false],
    ['gt', 'priority', 'a', true],
    ['contains', 'content', 'VPN', true],
    ['contains', 'content', 'DNS', false],
    ['contains', 'tags', 'urgent', true],
    ['notContains', 'tags', 'urgent', false],
    ['notContains', 'content', 'DNS', true],
    ['beginsWith', 'content', 'The', true],
    ['beginsWith', 'content', 'VPN', false],
    ['in', 'priority', ['high', 'highest'], true],
    ['in', 'priority', ['low'], false],
    ['notIn', 'priority', ['low', 'lowest'], true],
    ['notIn', 'priority', ['high'], false],
    ['between', 'severity', [1, 5], true],
    ['between', 'severity', [6, 9], false],
    ['containsAny', 'tags', ['network', 'storage'], true],
    ['containsAny', 'tags', ['storage'], false],
    ['eq', 'author.name', 'alice', true],
    ['eq', 'author.team.name', 'ops', true],
    ['eq', 'author.team.lead', 'bob', false],
  ])('%s on %s with %j: %s', (operator, fieldName, value, expected) => {
    expect(matches(operator, fieldName, value)).toBe(expected);
  });

  it('never orders a string against a number', () => {
    expect(matches('gt', 'severity', '1')).toBe(false);
    expect(matches('lt', 'priority', 10)).toBe(false);
  });

  it('holds when every filter of one group holds; groups are alternatives; no group passes everything', () => {
    const filter = (filterGroup: unknown) => {
      const check = checkSubscriptionFilter({ filterGroup });
      return 'filter' in check && matchesSubscriptionFilter(check.filter, ticket);
    };
    const high = { fieldName: 'priority', operator: 'eq', value: 'high' };
    const low = { fieldName: 'priority', operator: 'eq', value: 'low' };
    const severe = { fieldName: 'severity', operator: 'ge', value: 5 };
    expect(filter([{ filters: [high, severe] }])).toBe(true);
    expect(filter([{ filters: [low, severe] }])).toBe(false);
    expect(filter([{ filters: [low] }, { filters: [high] }])).toBe(true);
    expect(filter([])).toBe(true);
  });
});

describe('aws-appsync-real-time-enhanced-filtering: limits', () => {
  const one = { fieldName: 'severity', operator: 'eq', value: 1 };
  const problemOf = (filter: unknown) => {
    const check = checkSubscriptionFilter(filter);
    return 'problem' in check ? check.problem : undefined;
  };

  it(`allows ${SUBSCRIPTION_FILTER_LIMITS.filterGroups} filter groups of ${SUBSCRIPTION_FILTER_LIMITS.filtersPerGroup} filters, and no more`, () => {
    const group = { filters: Array(5).fill(one) };
    expect(problemOf({ filterGroup: Array(10).fill(group) })).toBeUndefined();
    expect(problemOf({ filterGroup: Array(11).fill(group) })).toBe('a subscription filter has at most 10 filter groups, not 11');
    expect(problemOf({ filterGroup: [{ filters: Array(6).fill(one) }] })).toBe('a filter group has at most 5 filters, not 6');
  });

  it('allows 5 values for in and notIn, 20 for containsAny', () => {
    const withValue = (operator: string, count: number) =>
      problemOf({ filterGroup: [{ filters: [{ fieldName: 'tags', operator, value: Array.from({ length: count }, (_, i) => `v${i}`) }] }] });
    expect(withValue('in', 5)).toBeUndefined();
    expect(withValue('in', 6)).toBe('the value of "tags" in must be a list of 1 to 5 values');
    expect(withValue('notIn', 6)).toBe('the value of "tags" notIn must be a list of 1 to 5 values');
    expect(withValue('containsAny', 20)).toBeUndefined();
    expect(withValue('containsAny', 21)).toBe('the value of "tags" containsAny must be a list of 1 to 20 values');
  });

  it('refuses unknown operators, values of the wrong kind, long or deep field names and shapeless filters', () => {
    const single = (fieldName: string, operator: string, value: unknown) => problemOf({ filterGroup: [{ filters: [{ fieldName, operator, value }] }] });
    expect(single('severity', 'like', 'x')).toMatch(/^the operator "like" of "severity" is not one of eq, ne/);
    expect(single('severity', 'between', [1])).toBe('the value of "severity" between must be a list of two numbers or strings');
    expect(single('severity', 'gt', true)).toBe('the value of "severity" gt must be a number or string');
    expect(single('content', 'beginsWith', 1)).toBe('the value of "content" beginsWith must be a string');
    expect(single('a'.repeat(257), 'eq', 1)).toMatch(/must have 1 to 256 characters$/);
    expect(single('a.b.c.d.e.f', 'eq', 1)).toBe('the fieldName "a.b.c.d.e.f" is nested more than 5 levels deep');
    expect(problemOf({ filters: [] })).toBe('a subscription filter is an object with a filterGroup list');
    expect(problemOf(null)).toBe('a subscription filter is an object with a filterGroup list');
  });
});
