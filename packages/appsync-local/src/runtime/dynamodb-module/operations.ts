// `operations` of '@aws-appsync/utils/dynamodb': markers an update object
// carries in place of plain values. Their shapes are what AWS returns for them
// (`{ type: 'OPERATION_INCREMENT', by: 10 }`, recorded in localstack/appsync-utils,
// __tests__/__snapshots__/index.test.js.snap), and `update()` recognises them by
// that shape, so they survive being copied or spread by resolver code.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import { isPlainObject } from '../util/dynamodb-values.ts';

export type UpdateOperation =
  | { type: 'OPERATION_ADD'; value: unknown }
  | { type: 'OPERATION_REMOVE' }
  | { type: 'OPERATION_REPLACE'; value: unknown }
  | { type: 'OPERATION_INCREMENT'; by: number }
  | { type: 'OPERATION_DECREMENT'; by: number }
  | { type: 'OPERATION_APPEND'; items: unknown[] }
  | { type: 'OPERATION_PREPEND'; items: unknown[] }
  | { type: 'OPERATION_UPDATE_LIST_ITEM'; value: unknown; index: number };

const OPERATION_TYPES = new Set<string>([
  'OPERATION_ADD',
  'OPERATION_REMOVE',
  'OPERATION_REPLACE',
  'OPERATION_INCREMENT',
  'OPERATION_DECREMENT',
  'OPERATION_APPEND',
  'OPERATION_PREPEND',
  'OPERATION_UPDATE_LIST_ITEM',
]);

export function asOperation(value: unknown): UpdateOperation | null {
  return isPlainObject(value) && typeof value.type === 'string' && OPERATION_TYPES.has(value.type)
    ? (value as UpdateOperation)
    : null;
}

export const operations = Object.freeze({
  /** Sets the attribute to the value (a new attribute, or a whole new value). */
  add: (value: unknown): UpdateOperation => ({ type: 'OPERATION_ADD', value }),
  remove: (): UpdateOperation => ({ type: 'OPERATION_REMOVE' }),
  /** Sets the attribute to the value as a whole, where a plain object would update its members. */
  replace: (value: unknown): UpdateOperation => ({ type: 'OPERATION_REPLACE', value }),
  increment: (by: number = 1): UpdateOperation => ({ type: 'OPERATION_INCREMENT', by }),
  decrement: (by: number = 1): UpdateOperation => ({ type: 'OPERATION_DECREMENT', by }),
  append: (items: unknown[]): UpdateOperation => ({ type: 'OPERATION_APPEND', items }),
  prepend: (items: unknown[]): UpdateOperation => ({ type: 'OPERATION_PREPEND', items }),
  updateListItem: (value: unknown, index: number): UpdateOperation => ({ type: 'OPERATION_UPDATE_LIST_ITEM', value, index }),
});
