// The '@aws-appsync/utils/dynamodb' module as a bundle imports it. It depends
// on nothing of the evaluation, so one frozen namespace serves them all.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import { dynamodbUtil } from '../util/dynamodb-values.ts';
import { get, put, remove, update } from './item-requests.ts';
import { batchDelete, batchGet, batchPut, transactGet, transactWrite } from './multi-item-requests.ts';
import { operations } from './operations.ts';
import { query, scan, sync } from './read-requests.ts';

export const dynamodbModule: Readonly<Record<string, unknown>> = Object.freeze({
  get,
  put,
  remove,
  update,
  query,
  scan,
  sync,
  batchGet,
  batchPut,
  batchDelete,
  transactGet,
  transactWrite,
  operations,
  toStringSet: dynamodbUtil.toStringSet,
  toNumberSet: dynamodbUtil.toNumberSet,
  toBinarySet: dynamodbUtil.toBinarySet,
});
