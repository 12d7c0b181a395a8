import { isRecord } from '../is-record.ts';

// Enhanced subscription filters, as a subscription resolver sets them with
// `extensions.setSubscriptionFilter` (and invalidation filters, which use the
// same syntax): `{ filterGroup: [{ filters: [{ fieldName, operator, value }] }] }`.
// A payload matches when every filter of at least one group holds.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html
//
// Operators (the page's table): eq, ne (number, string, boolean); le, lt, ge,
// gt (number, string); contains, notContains (a substring of a string field,
// or an element of a list field); beginsWith (string); in, notIn (a list of
// values); between ([low, high], inclusive); containsAny (a list field sharing
// at least one element with the value list).
// `fieldName` may name a nested field with dots ("author.name"), at most five
// levels deep.
//
// Limits, checked when the filter is set, as AppSync refuses the subscription:
// 10 groups, 5 filters a group, 5 values for in/notIn, 20 for containsAny,
// field names of at most 256 characters. (Cross-checked with the limits the
// lambda-appsync Rust crate enforces for the same filters.)

export const SUBSCRIPTION_FILTER_LIMITS = Object.freeze({
  filterGroups: 10,
  filtersPerGroup: 5,
  inValues: 5,
  containsAnyValues: 20,
  fieldNameLength: 256,
  fieldDepth: 5,
});

export interface FieldFilter {
  fieldName: string;
  operator: string;
  value: unknown;
}

export interface CheckedSubscriptionFilter {
  filterGroup: { filters: FieldFilter[] }[];
}

const OPERATORS = new Set([
  'eq',
  'ne',
  'le',
  'lt',
  'ge',
  'gt',
  'contains',
  'notContains',
  'beginsWith',
  'in',
  'notIn',
  'between',
  'containsAny',
]);

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isComparable(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** Why the value does not fit the operator, or undefined when it does. */
function valueProblem(operator: string, value: unknown): string | undefined {
  switch (operator) {
    case 'eq':
    case 'ne':
      return isScalar(value) || value === null ? undefined : 'a number, string or boolean';
    case 'le':
    case 'lt':
    case 'ge':
    case 'gt':
    case 'contains':
    case 'notContains':
      return isComparable(value) ? undefined : 'a number or string';
    case 'beginsWith':
      return typeof value === 'string' ? undefined : 'a string';
    case 'between':
      return Array.isArray(value) && value.length === 2 && value.every(isComparable) ? undefined : 'a list of two numbers or strings';
    case 'in':
    case 'notIn':
      return Array.isArray(value) && value.length >= 1 && value.length <= SUBSCRIPTION_FILTER_LIMITS.inValues && value.every(isScalar)
        ? undefined
        : `a list of 1 to ${SUBSCRIPTION_FILTER_LIMITS.inValues} values`;
    default:
      return Array.isArray(value) &&
        value.length >= 1 &&
        value.length <= SUBSCRIPTION_FILTER_LIMITS.containsAnyValues &&
        value.every(isScalar)
        ? undefined
        : `a list of 1 to ${SUBSCRIPTION_FILTER_LIMITS.containsAnyValues} values`;
  }
}

function filterProblem(filter: unknown): string | undefined {
  if (!isRecord(filter) || typeof filter.fieldName !== 'string' || typeof filter.operator !== 'string') {
    return 'each filter needs a fieldName, an operator and a value';
  }
  const { fieldName, operator } = filter;
  if (fieldName.length === 0 || fieldName.length > SUBSCRIPTION_FILTER_LIMITS.fieldNameLength) {
    return `the fieldName "${fieldName.slice(0, 40)}" must have 1 to ${SUBSCRIPTION_FILTER_LIMITS.fieldNameLength} characters`;
  }
  if (fieldName.split('.').length > SUBSCRIPTION_FILTER_LIMITS.fieldDepth) {
    return `the fieldName "${fieldName}" is nested more than ${SUBSCRIPTION_FILTER_LIMITS.fieldDepth} levels deep`;
  }
  if (!OPERATORS.has(operator)) {
    return `the operator "${operator}" of "${fieldName}" is not one of ${[...OPERATORS].join(', ')}`;
  }
  const expected = valueProblem(operator, filter.value);
  return expected ? `the value of "${fieldName}" ${operator} must be ${expected}` : undefined;
}

/** The filter, if it is one AppSync accepts; otherwise why not. */
export function checkSubscriptionFilter(filter: unknown): { filter: CheckedSubscriptionFilter } | { problem: string } {
  if (!isRecord(filter) || !Array.isArray(filter.filterGroup)) {
    return { problem: 'a subscription filter is an object with a filterGroup list' };
  }
  const groups = filter.filterGroup;
  if (groups.length > SUBSCRIPTION_FILTER_LIMITS.filterGroups) {
    return { problem: `a subscription filter has at most ${SUBSCRIPTION_FILTER_LIMITS.filterGroups} filter groups, not ${groups.length}` };
  }
  for (const group of groups) {
    if (!isRecord(group) || !Array.isArray(group.filters)) {
      return { problem: 'each filter group is an object with a filters list' };
    }
    if (group.filters.length > SUBSCRIPTION_FILTER_LIMITS.filtersPerGroup) {
      return {
        problem: `a filter group has at most ${SUBSCRIPTION_FILTER_LIMITS.filtersPerGroup} filters, not ${group.filters.length}`,
      };
    }
    const problem = group.filters.map(filterProblem).find((found) => found !== undefined);
    if (problem) {
      return { problem };
    }
  }
  return { filter: filter as unknown as CheckedSubscriptionFilter };
}

/** `payload.author.name` for "author.name"; undefined where a level is missing. */
function fieldValue(payload: Record<string, unknown>, fieldName: string): unknown {
  let value: unknown = payload;
  for (const key of fieldName.split('.')) {
    if (!isRecord(value)) {
      return undefined;
    }
    value = value[key];
  }
  return value;
}

function sameValue(left: unknown, right: unknown): boolean {
  return left === right || (left === undefined && right === null);
}

/** Ordering only between values of one kind: a string never compares with a number. */
function compare(actual: unknown, expected: unknown): number | undefined {
  if (typeof actual !== typeof expected || !isComparable(actual) || !isComparable(expected)) {
    return undefined;
  }
  return actual < expected ? -1 : actual > expected ? 1 : 0;
}

function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) {
    return actual.some((element) => element === expected);
  }
  return typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
}

function holds(filter: FieldFilter, payload: Record<string, unknown>): boolean {
  const actual = fieldValue(payload, filter.fieldName);
  const { value } = filter;
  const order = compare(actual, value);
  switch (filter.operator) {
    case 'eq':
      return sameValue(actual, value);
    case 'ne':
      return !sameValue(actual, value);
    case 'le':
      return order !== undefined && order <= 0;
    case 'lt':
      return order !== undefined && order < 0;
    case 'ge':
      return order !== undefined && order >= 0;
    case 'gt':
      return order !== undefined && order > 0;
    case 'contains':
      return contains(actual, value);
    case 'notContains':
      return (Array.isArray(actual) || typeof actual === 'string') && !contains(actual, value);
    case 'beginsWith':
      return typeof actual === 'string' && typeof value === 'string' && actual.startsWith(value);
    case 'in':
      return (value as unknown[]).some((candidate) => actual === candidate);
    case 'notIn':
      return actual !== undefined && !(value as unknown[]).some((candidate) => actual === candidate);
    case 'between': {
      const [low, high] = value as unknown[];
      const fromLow = compare(actual, low);
      const toHigh = compare(actual, high);
      return fromLow !== undefined && toHigh !== undefined && fromLow >= 0 && toHigh <= 0;
    }
    default:
      return Array.isArray(actual) && (value as unknown[]).some((candidate) => actual.includes(candidate));
  }
}

/** Whether the payload passes the filter: every filter of some group holds. A filter without groups passes everything. */
export function matchesSubscriptionFilter(filter: CheckedSubscriptionFilter, payload: Record<string, unknown>): boolean {
  if (filter.filterGroup.length === 0) {
    return true;
  }
  return filter.filterGroup.some((group) => group.filters.every((entry) => holds(entry, payload)));
}
