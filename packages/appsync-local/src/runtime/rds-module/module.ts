// The '@aws-appsync/utils/rds' module as a bundle imports it: statements,
// the two statement creators, type hints and the result reader. It depends
// on nothing of the evaluation, so one frozen namespace serves them all.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html

import { unsupportedNamespace } from '../util/unsupported.ts';
import { createMySQLStatement, createPgStatement } from './create-statement.ts';
import { insert, remove, select, sql, update } from './statements.ts';
import { toJsonObject } from './to-json-object.ts';
import { typeHint } from './type-hints.ts';

/** Aggregates in a select's columns: declared by the package, with no AppSync answer on record to follow. */
const agg = unsupportedNamespace('agg', [
  'max',
  'maxDistinct',
  'min',
  'minDistinct',
  'count',
  'countDistinct',
  'avg',
  'avgDistinct',
  'sum',
  'sumDistinct',
]);

export const rdsModule: Readonly<Record<string, unknown>> = Object.freeze({
  select,
  insert,
  update,
  remove,
  sql,
  createPgStatement,
  createMySQLStatement,
  typeHint,
  toJsonObject,
  agg,
});
