// The `where` of select, update and remove: a `sql` template, or a condition
// object. The SQL follows EvaluateCode's answers recorded in
// localstack/appsync-utils __tests__/__snapshots__/resolvers.test.js.snap:
// the entries of an object, and the operators of a column, are joined by AND;
// each member of an `and` / `or` is parenthesised and joined by AND / OR,
// with no parentheses around the group itself; a condition that renders to
// nothing leaves its place empty, separators included.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html#utility-functions-select

import { HelperCallError } from '../helper-error.ts';
import { isPlainObject } from '../util/dynamodb-values.ts';
import type { StatementWriter } from './statement-writer.ts';
import { statementSpec } from './statements.ts';

const COMPARISONS: Readonly<Record<string, string>> = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** The LIKE patterns: the value, wrapped as each operator means it. */
const LIKE_OPERATORS: Readonly<Record<string, { keyword: string; pattern: (value: string) => string }>> = {
  contains: { keyword: 'LIKE', pattern: (value) => `%${value}%` },
  notContains: { keyword: 'NOT LIKE', pattern: (value) => value },
  beginsWith: { keyword: 'LIKE', pattern: (value) => `${value}%` },
};

function isConditionObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && statementSpec(value) === undefined;
}

function requirePresent(path: string, value: unknown): void {
  if (value === null || value === undefined) {
    throw new HelperCallError(`Value for ${path} can't be null.`);
  }
}

function between(path: string, bounds: unknown, left: string, writer: StatementWriter): string {
  if (!Array.isArray(bounds)) {
    throw new HelperCallError(`${path} condition expects an array with length of 2.`);
  }
  if (bounds.length !== 2) {
    throw new HelperCallError(
      `${path} condition expects an array with 2 values but received an array with length ${bounds.length}.`,
    );
  }
  return `${left} BETWEEN ${writer.bind(bounds[0])} AND ${writer.bind(bounds[1])}`;
}

/** `size`: the same comparisons on LENGTH (column); a null value is the literal NULL here. */
function sizeCondition(column: string, operators: unknown, writer: StatementWriter): string {
  if (!isPlainObject(operators)) {
    throw new HelperCallError(`Expected ${column}.size to be an Object.`);
  }
  const length = `LENGTH (${writer.identifier(column)})`;
  return Object.entries(operators)
    .map(([operator, value]) => {
      if (operator in COMPARISONS) {
        return `${length} ${COMPARISONS[operator]} ${writer.bind(value)}`;
      }
      if (operator === 'between') {
        return between(`${column}.size`, value, length, writer);
      }
      throw new HelperCallError(`${column}.size has invalid size operator.`);
    })
    .join(' AND ');
}

function columnCondition(column: string, operator: string, value: unknown, writer: StatementWriter): string {
  const path = `${column}.${operator}`;
  const left = writer.identifier(column);
  if (operator in COMPARISONS) {
    requirePresent(path, value);
    return `${left} ${COMPARISONS[operator]} ${writer.bind(value)}`;
  }
  if (operator in LIKE_OPERATORS) {
    requirePresent(path, value);
    if (typeof value !== 'string') {
      throw new HelperCallError(`${path} expects a string value to be passed.`);
    }
    const { keyword, pattern } = LIKE_OPERATORS[operator];
    return `${left} ${keyword} ${writer.bind(pattern(value))}`;
  }
  if (operator === 'between') {
    return between(path, value, left, writer);
  }
  if (operator === 'attributeExists') {
    requirePresent(path, value);
    if (typeof value !== 'boolean') {
      throw new HelperCallError(`${path} expects a boolean value to be passed.`);
    }
    return `${left} ${value ? 'IS NOT NULL' : 'IS NULL'}`;
  }
  if (operator === 'size') {
    return sizeCondition(column, value, writer);
  }
  throw new HelperCallError(`Unsupported condition ${path}.`);
}

function group(kind: 'and' | 'or', members: unknown, writer: StatementWriter): string {
  if (!Array.isArray(members)) {
    throw new HelperCallError(`${kind} expects conditions to be an array`);
  }
  return members
    .map((member) => {
      if (!isConditionObject(member)) {
        throw new HelperCallError(`Expected ${kind} to be an Object.`);
      }
      const rendered = conditionObject(member, writer);
      return rendered === '' ? '' : `(${rendered})`;
    })
    .join(kind === 'and' ? ' AND ' : ' OR ');
}

function conditionObject(conditions: Record<string, unknown>, writer: StatementWriter): string {
  return Object.entries(conditions)
    .map(([key, value]) => {
      if (key === 'and' || key === 'or') {
        return group(key, value, writer);
      }
      if (key === 'not') {
        // declared by the package's types, but no AppSync answer for it is on record
        throw new HelperCallError('A not condition is not supported by the local runtime.');
      }
      if (!isConditionObject(value)) {
        throw new HelperCallError('Expected condition to be an Object.');
      }
      return Object.entries(value)
        .map(([operator, operand]) => columnCondition(key, operator, operand, writer))
        .join(' AND ');
    })
    .join(' AND ');
}

/**
 * The text after WHERE ('' for no WHERE at all). `renderTemplate` writes a
 * `sql` template.
 */
export function whereClause(
  where: unknown,
  writer: StatementWriter,
  renderTemplate: (strings: string[], values: unknown[]) => string,
): string {
  if (where === undefined || where === null) {
    return '';
  }
  const spec = statementSpec(where);
  if (spec?.kind === 'sql') {
    return renderTemplate(spec.strings, spec.values);
  }
  if (!isConditionObject(where)) {
    throw new HelperCallError('WHERE values are expected to be SQL templates or a condition object.');
  }
  return conditionObject(where, writer);
}
