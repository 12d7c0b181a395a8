// The statements of '@aws-appsync/utils/rds' before they are rendered: what
// `sql`, `select`, `insert`, `update` and `remove` return. AppSync renders
// them only in `createPgStatement` / `createMySQLStatement`, which choose the
// identifier quoting, so a statement is an opaque handle until then.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html

import { HelperCallError } from '../helper-error.ts';
import { isPlainObject } from '../util/dynamodb-values.ts';

export type StatementKind = 'select' | 'insert' | 'update' | 'remove';

export type StatementSpec =
  | { kind: 'sql'; strings: string[]; values: unknown[] }
  | { kind: StatementKind; payload: Record<string, unknown> };

const specs = new WeakMap<object, StatementSpec>();

function statement(spec: StatementSpec): object {
  const handle = Object.freeze({});
  specs.set(handle, spec);
  return handle;
}

/** The statement `value` stands for, if it is one. */
export function statementSpec(value: unknown): StatementSpec | undefined {
  return typeof value === 'object' && value !== null ? specs.get(value) : undefined;
}

/** The `sql` tagged template: the text is kept, every interpolated value becomes a bound variable. */
export function sql(strings: unknown, ...values: unknown[]): object {
  if (!Array.isArray(strings) || strings.length !== values.length + 1) {
    throw new HelperCallError('java.lang.IllegalArgumentException: Unexpected argument passed to sql tagged template');
  }
  return statement({ kind: 'sql', strings: strings.map(String), values });
}

function builder(kind: StatementKind) {
  return (...args: unknown[]): object => {
    if (args.length === 0) {
      throw new HelperCallError(`An argument is expected to be passed to ${kind}`);
    }
    const [payload] = args;
    if (!isPlainObject(payload) || statementSpec(payload)) {
      throw new HelperCallError('Expected payload to be an Object.');
    }
    return statement({ kind, payload: { ...payload } });
  };
}

export const select = builder('select');
export const insert = builder('insert');
export const update = builder('update');
export const remove = builder('remove');
