// `util.transform.toSubscriptionFilter`: a filter object to the groups AppSync
// matches subscription events against (each group an AND of filters, the groups
// ORed). Every operator of a field, every member of an `or` and every rule is an
// alternative, so the groups multiply out.
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
// The shapes follow AWS's recorded answers in localstack/appsync-utils,
// __tests__/__snapshots__/transform-subscription.test.js.snap: operators are
// passed through unchecked, `not` is an ordinary field name, and a filter that
// is not an object gives null.

import { isPlainObject } from './dynamodb-values.ts';

export interface SubscriptionFilterEntry {
  fieldName: string;
  operator: string;
  value: unknown;
}

export interface SubscriptionFilter {
  filterGroup: { filters: SubscriptionFilterEntry[] }[];
}

type Alternatives = SubscriptionFilterEntry[][];

class UnreadableFilter extends Error {}

/** Every combination of one alternative from `left` with one from `right`, left-major. */
function product(left: Alternatives, right: Alternatives): Alternatives {
  return left.flatMap((leftGroup) => right.map((rightGroup) => [...leftGroup, ...rightGroup]));
}

/** One alternative per operator of a field; a field without operators constrains nothing. */
function fieldAlternatives(fieldName: string, operators: unknown): Alternatives {
  if (!isPlainObject(operators)) {
    throw new UnreadableFilter();
  }
  const entries = Object.entries(operators).map(([operator, value]) => [{ fieldName, operator, value }]);
  return entries.length > 0 ? entries : [[]];
}

function members(value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    throw new UnreadableFilter();
  }
  return value;
}

/**
 * The alternatives of an `or`. A branch left with no filter (its fields all
 * ignored) is dropped rather than kept as an always-true branch: in AWS's
 * documented example, ignoring `author` removes the `{ author: … }` branch of
 * the `or` and leaves one group, not two.
 */
function orBranches(branches: unknown[], ignoredFields: readonly string[]): Alternatives {
  const constraining = branches
    .flatMap((branch) => alternatives(branch, ignoredFields))
    .filter((filters) => filters.length > 0);
  return constraining.length > 0 ? constraining : [[]];
}

function alternatives(filter: unknown, ignoredFields: readonly string[]): Alternatives {
  if (!isPlainObject(filter)) {
    throw new UnreadableFilter();
  }
  let result: Alternatives = [[]];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and') {
      for (const member of members(value)) {
        result = product(result, alternatives(member, ignoredFields));
      }
    } else if (key === 'or') {
      result = product(result, orBranches(members(value), ignoredFields));
    } else if (!ignoredFields.includes(key)) {
      result = product(result, fieldAlternatives(key, value));
    }
  }
  return result;
}

/** At least one rule must hold, so each rule operator is an alternative added to every group. */
function ruleAlternatives(rules: unknown): Alternatives {
  if (!isPlainObject(rules)) {
    return [[]];
  }
  const entries = Object.entries(rules).flatMap(([fieldName, operators]) => fieldAlternatives(fieldName, operators));
  const constraining = entries.filter((entry) => entry.length > 0);
  return constraining.length > 0 ? constraining : [[]];
}

export function toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null {
  const ignored = Array.isArray(ignoredFields) ? ignoredFields.filter((field) => typeof field === 'string') : [];
  try {
    const groups = product(alternatives(filter, ignored), ruleAlternatives(rules));
    return { filterGroup: groups.filter((filters) => filters.length > 0).map((filters) => ({ filters })) };
  } catch (error) {
    if (error instanceof UnreadableFilter) {
      return null;
    }
    throw error;
  }
}
