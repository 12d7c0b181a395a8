// `typeHint`: a value with the SQL type the Data API should read it as. A
// hinted value is bound like any other, and its type goes into
// `variableTypeHintMap` under the same name. Returned as such, a hint is
// `{ type, value }`, as EvaluateCode answers (localstack/appsync-utils
// __tests__/__snapshots__/resolvers.test.js.snap, "typehints UUID").
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html#casting

import { isPlainObject } from '../util/dynamodb-values.ts';

const HINT_TYPES = ['DECIMAL', 'JSON', 'TIMESTAMP', 'TIME', 'UUID', 'DATE'] as const;

export interface TypeHint {
  type: (typeof HINT_TYPES)[number];
  value: unknown;
}

export const typeHint = Object.freeze(
  Object.fromEntries(HINT_TYPES.map((type) => [type, (value: unknown): TypeHint => ({ type, value })])),
);

export function isTypeHint(value: unknown): value is TypeHint {
  if (!isPlainObject(value)) {
    return false;
  }
  const keys = Object.keys(value).sort();
  const shaped = keys.length === 2 && keys[0] === 'type' && keys[1] === 'value';
  return shaped && HINT_TYPES.includes(value.type as TypeHint['type']);
}
