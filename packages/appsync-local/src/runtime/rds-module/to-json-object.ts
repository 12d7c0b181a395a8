// toJsonObject (also util.rds.toJsonObject): the Data API's
// ExecuteStatement result, as a JSON string or an object, to one list of
// rows per statement, each row keyed by its column's label (else its name).
// A statement without records (an INSERT, UPDATE or DELETE) gives `[{}]`,
// and a NULL field is left out, as EvaluateCode answers (localstack/appsync-utils
// __tests__/__snapshots__/resolvers.test.js.snap, "toJsonObject …").
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html#retrieving-data

import { isPlainObject } from '../util/dynamodb-values.ts';

const SCALAR_FIELDS = ['stringValue', 'longValue', 'doubleValue', 'booleanValue', 'blobValue'];
const ARRAY_FIELDS = ['stringValues', 'longValues', 'doubleValues', 'booleanValues'];

function parsed(data: unknown): unknown {
  if (typeof data !== 'string') {
    return data;
  }
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** An ArrayValue: values of one type, or nested ArrayValues. */
function arrayValue(array: unknown): unknown[] {
  if (!isPlainObject(array)) {
    return [];
  }
  if (Array.isArray(array.arrayValues)) {
    return array.arrayValues.map(arrayValue);
  }
  const field = ARRAY_FIELDS.find((name) => Array.isArray(array[name]));
  return field ? (array[field] as unknown[]) : [];
}

function fieldValue(field: Record<string, unknown>): unknown {
  const scalar = SCALAR_FIELDS.find((name) => name in field);
  return scalar ? field[scalar] : arrayValue(field.arrayValue);
}

function columnKey(metadata: unknown, index: number): string {
  const column = Array.isArray(metadata) && isPlainObject(metadata[index]) ? metadata[index] : {};
  return String(column.label ?? column.name ?? index);
}

function row(record: unknown, metadata: unknown): Record<string, unknown> {
  const fields = Array.isArray(record) ? record : [];
  const entries = fields.flatMap((field, index) =>
    isPlainObject(field) && field.isNull !== true ? [[columnKey(metadata, index), fieldValue(field)]] : [],
  );
  return Object.fromEntries(entries);
}

export function toJsonObject(data: unknown): Record<string, unknown>[][] | null {
  const result = parsed(data);
  if (!isPlainObject(result) || !Array.isArray(result.sqlStatementResults)) {
    return null;
  }
  return result.sqlStatementResults.map((statementResult: unknown) => {
    if (!isPlainObject(statementResult) || !Array.isArray(statementResult.records)) {
      return [{}];
    }
    return statementResult.records.map((record: unknown) => row(record, statementResult.columnMetadata));
  });
}
