// What one createPgStatement / createMySQLStatement call writes into: the
// identifier quoting of its dialect, and the variables every statement of the
// call binds, numbered :P0, :P1, … across both statements.

import { HelperCallError } from '../helper-error.ts';
import { isPlainObject } from '../util/dynamodb-values.ts';
import { statementSpec } from './statements.ts';
import { isTypeHint } from './type-hints.ts';

export interface Dialect {
  /** the helper's name, as its errors give it */
  helper: 'createPgStatement' | 'createMySQLStatement';
  quote: '"' | '`';
  supportsReturning: boolean;
}

export class StatementWriter {
  readonly variableMap: Record<string, unknown> = {};
  readonly variableTypeHintMap: Record<string, string> = {};
  private count = 0;

  constructor(readonly dialect: Dialect) {}

  /** A placeholder bound to `value`; null and undefined are written as the literal NULL. */
  bind(value: unknown): string {
    if (value === null || value === undefined) {
      return 'NULL';
    }
    const name = `:P${this.count}`;
    this.count += 1;
    if (isTypeHint(value)) {
      this.variableMap[name] = value.value;
      this.variableTypeHintMap[name] = value.type;
    } else {
      this.variableMap[name] = value;
    }
    return name;
  }

  /** `schema.table` or `table.column`, each part quoted on its own. */
  identifier(name: string): string {
    const { quote } = this.dialect;
    return name
      .split('.')
      .map((part) => `${quote}${part.split(quote).join(quote + quote)}${quote}`)
      .join('.');
  }

  /** `{ alias: name }`, written as AppSync writes it: `"name" as "alias"`. */
  alias(value: Record<string, unknown>): string {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      throw new HelperCallError('java.util.NoSuchElementException');
    }
    if (entries.length > 1) {
      throw new HelperCallError('table alias is allowed only one key-value pair.');
    }
    const [[alias, name]] = entries;
    if (typeof name !== 'string') {
      throw new HelperCallError('Table alias value is expected to be a string.');
    }
    return `${this.identifier(name)} as ${this.identifier(alias)}`;
  }

  /** A column list (`columns`, `returning`): `*`, or names and aliases. */
  columns(value: unknown): string {
    if (value === undefined || value === null || value === '*') {
      return '*';
    }
    if (!Array.isArray(value)) {
      throw new HelperCallError('Expected column to be * or an array.');
    }
    return value
      .map((column) => {
        if (column === '*') {
          return '*';
        }
        if (typeof column === 'string') {
          return this.identifier(column);
        }
        if (isPlainObject(column) && !statementSpec(column)) {
          return this.alias(column);
        }
        throw new HelperCallError('Invalid type in column array.');
      })
      .join(', ');
  }
}
