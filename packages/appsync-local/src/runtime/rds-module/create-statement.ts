// createPgStatement and createMySQLStatement: one or two statements (a
// string is sent as written) rendered into the request an RDS resolver
// returns, `{ statements, variableMap, variableTypeHintMap }`. Postgres
// quotes identifiers with ", MySQL with `; only Postgres has RETURNING.
// The SQL and the error messages are EvaluateCode's, as recorded in
// localstack/appsync-utils __tests__/__snapshots__/resolvers.test.js.snap.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html#creating-statements

import { HelperCallError } from '../helper-error.ts';
import { isPlainObject } from '../util/dynamodb-values.ts';
import { whereClause } from './conditions.ts';
import { StatementWriter, type Dialect } from './statement-writer.ts';
import { statementSpec, type StatementKind } from './statements.ts';

export interface RdsRequest {
  statements: string[];
  variableMap: Record<string, unknown>;
  variableTypeHintMap: Record<string, string>;
}

/** Select keys the package's types declare that the local runtime does not write (no AppSync answer on record). */
const UNSUPPORTED_SELECT_KEYS = [
  'groupBy',
  'having',
  'join',
  'innerJoin',
  'leftJoin',
  'leftOuterJoin',
  'rightJoin',
  'rightOuterJoin',
  'fullOuterJoin',
  'crossJoin',
  'joinNatural',
  'innerJoinNatural',
  'leftJoinNatural',
  'leftOuterJoinNatural',
  'rightJoinNatural',
  'rightOuterJoinNatural',
  'fullOuterJoinNatural',
];

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

class StatementRenderer {
  constructor(private readonly writer: StatementWriter) {}

  template(strings: string[], values: unknown[]): string {
    return strings.map((text, index) => (index < values.length ? text + this.writer.bind(values[index]) : text)).join('');
  }

  private table(value: unknown): string {
    if (typeof value === 'string') {
      return this.writer.identifier(value);
    }
    if (isPlainObject(value) && !statementSpec(value)) {
      return this.writer.alias(value);
    }
    throw new HelperCallError('table name is expected to be a string or alias.');
  }

  private requiredTable(payload: Record<string, unknown>): string {
    if (!present(payload.table)) {
      throw new HelperCallError("'table' or 'from' key is required.");
    }
    return this.table(payload.table);
  }

  private source(payload: Record<string, unknown>): string {
    if (present(payload.table) && present(payload.from)) {
      throw new HelperCallError("'from' and 'table' keys cannot be used together");
    }
    if (!present(payload.from)) {
      return this.requiredTable(payload);
    }
    if (typeof payload.from !== 'string' && !(isPlainObject(payload.from) && !statementSpec(payload.from))) {
      throw new HelperCallError("'from' value is expected to be string or object.");
    }
    return this.table(payload.from);
  }

  private where(payload: Record<string, unknown>): string[] {
    const text = whereClause(payload.where, this.writer, (strings, values) => this.template(strings, values));
    return text === '' ? [] : ['WHERE', text];
  }

  private returning(payload: Record<string, unknown>): string[] {
    if (!present(payload.returning)) {
      return [];
    }
    const columns = this.writer.columns(payload.returning);
    if (!this.writer.dialect.supportsReturning) {
      throw new HelperCallError('returning is not supported in MySQL.');
    }
    return ['RETURNING', columns];
  }

  private orderBy(orderBy: unknown): string[] {
    if (orderBy === undefined || orderBy === null) {
      return [];
    }
    if (!Array.isArray(orderBy)) {
      throw new HelperCallError('orderBy expects an array.');
    }
    const items = orderBy.map((item) => {
      if (!isPlainObject(item)) {
        throw new HelperCallError('orderBy item expected to be an object.');
      }
      if (typeof item.column !== 'string') {
        throw new HelperCallError('orderBy item expected to have property column.');
      }
      const direction = typeof item.dir === 'string' ? item.dir.toUpperCase() : 'ASC';
      if (direction !== 'ASC' && direction !== 'DESC') {
        throw new HelperCallError(`orderBy dir can have either ASC or DESC found ${String(item.dir)}.`);
      }
      return `${this.writer.identifier(item.column)} ${direction}`;
    });
    return items.length === 0 ? [] : ['ORDER BY', items.join(', ')];
  }

  /** LIMIT or OFFSET: a number, or a string holding one, bound as a number. */
  private bound(keyword: 'LIMIT' | 'OFFSET', value: unknown): string[] {
    if (!present(value)) {
      return [];
    }
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      throw new HelperCallError(`${keyword.toLowerCase()} expects a number.`);
    }
    return [keyword, this.writer.bind(number)];
  }

  private values(kind: 'insert' | 'update', values: unknown): Record<string, unknown> {
    if (!present(values)) {
      throw new HelperCallError(`values are expected to be passed to ${kind}`);
    }
    if (!isPlainObject(values)) {
      throw new HelperCallError('Expected values to an Object.');
    }
    return values;
  }

  select(payload: Record<string, unknown>): string[] {
    const unsupported = UNSUPPORTED_SELECT_KEYS.find((key) => present(payload[key]));
    if (unsupported) {
      throw new HelperCallError(`select: ${unsupported} is not supported by the local runtime.`);
    }
    return [
      'SELECT',
      this.writer.columns(payload.columns),
      'FROM',
      this.source(payload),
      ...this.where(payload),
      ...this.orderBy(payload.orderBy),
      ...this.bound('LIMIT', payload.limit),
      ...this.bound('OFFSET', payload.offset),
    ];
  }

  insert(payload: Record<string, unknown>): string[] {
    const table = this.requiredTable(payload);
    const entries = Object.entries(this.values('insert', payload.values));
    const columns = entries.map(([column]) => this.writer.identifier(column)).join(', ');
    const values = entries.map(([, value]) => this.writer.bind(value)).join(', ');
    return ['INSERT INTO', table, `(${columns})`, 'VALUES', `(${values})`, ...this.returning(payload)];
  }

  update(payload: Record<string, unknown>): string[] {
    const table = this.requiredTable(payload);
    const assignments = Object.entries(this.values('update', payload.values))
      .map(([column, value]) => `${this.writer.identifier(column)} = ${this.writer.bind(value)}`)
      .join(', ');
    return ['UPDATE', table, 'SET', assignments, ...this.where(payload), ...this.returning(payload)];
  }

  remove(payload: Record<string, unknown>): string[] {
    return ['DELETE FROM', this.requiredTable(payload), ...this.where(payload), ...this.returning(payload)];
  }

  statement(kind: StatementKind, payload: Record<string, unknown>): string {
    const parts = this[kind](payload);
    return parts
      .filter((part) => part !== '')
      .join(' ')
      .trimEnd();
  }
}

function createStatement(dialect: Dialect, given: unknown[]): RdsRequest {
  const [first, second] = given;
  if (!present(first)) {
    throw new HelperCallError(`An argument is expected to be passed to ${dialect.helper}`);
  }
  const writer = new StatementWriter(dialect);
  const renderer = new StatementRenderer(writer);
  const statements = [first, second].filter(present).map((statement) => {
    if (typeof statement === 'string') {
      return statement;
    }
    const spec = statementSpec(statement);
    if (!spec) {
      throw new HelperCallError(`Unsupported type is passed as argument to ${dialect.helper}`);
    }
    return spec.kind === 'sql'
      ? renderer.template(spec.strings, spec.values)
      : renderer.statement(spec.kind, spec.payload);
  });
  return { statements, variableMap: writer.variableMap, variableTypeHintMap: writer.variableTypeHintMap };
}

const POSTGRES: Dialect = { helper: 'createPgStatement', quote: '"', supportsReturning: true };
const MYSQL: Dialect = { helper: 'createMySQLStatement', quote: '`', supportsReturning: false };

export function createPgStatement(...statements: unknown[]): RdsRequest {
  return createStatement(POSTGRES, statements);
}

export function createMySQLStatement(...statements: unknown[]): RdsRequest {
  return createStatement(MYSQL, statements);
}
