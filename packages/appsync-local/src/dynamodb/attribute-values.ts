import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { RequestShapeError } from './data-source-errors.ts';

// Typed values in both directions, as AppSync converts them.
// Requests: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-typed-values-request.html
//   numbers may be JSON numbers (`{ "N": 10 }`), binaries are base64 strings,
//   and `{ "NULL": null }` is a null. DynamoDB wants strings, bytes and `NULL: true`.
// Responses: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-typed-values-responses.html
//   sets become arrays, numbers become numbers, binaries become base64 strings.

export type AttributeMap = Record<string, AttributeValue>;

const TYPE_NAMES = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'BOOL', 'NULL', 'L', 'M'] as const;
type TypeName = (typeof TYPE_NAMES)[number];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberText(value: unknown, path: string): string {
  if (typeof value === 'number' || typeof value === 'string') {
    return String(value);
  }
  throw new RequestShapeError(`${path} must be a number or a numeric string`);
}

function stringValue(value: unknown, path: string): string {
  if (typeof value !== 'string') {
    throw new RequestShapeError(`${path} must be a string`);
  }
  return value;
}

/** AppSync decodes base64 as RFC 2045 does, skipping characters outside the alphabet; so does Buffer. */
function binaryValue(value: unknown, path: string): Uint8Array {
  return Buffer.from(stringValue(value, path), 'base64');
}

function listOf<T>(value: unknown, path: string, convert: (element: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) {
    throw new RequestShapeError(`${path} must be an array`);
  }
  return value.map((element, index) => convert(element, `${path}[${index}]`));
}

/** One typed value from a request object, as the low-level SDK sends it. */
export function toAttributeValue(typed: unknown, path: string): AttributeValue {
  if (!isPlainObject(typed)) {
    throw new RequestShapeError(`${path} must be a typed value such as { "S": "text" }`);
  }
  const entries = Object.entries(typed);
  if (entries.length !== 1 || !TYPE_NAMES.includes(entries[0][0] as TypeName)) {
    throw new RequestShapeError(`${path} must have exactly one type key (${TYPE_NAMES.join(', ')})`);
  }
  const [type, value] = entries[0] as [TypeName, unknown];
  const inner = `${path}.${type}`;
  switch (type) {
    case 'S':
      return { S: stringValue(value, inner) };
    case 'N':
      return { N: numberText(value, inner) };
    case 'B':
      return { B: binaryValue(value, inner) };
    case 'SS':
      return { SS: listOf(value, inner, stringValue) };
    case 'NS':
      return { NS: listOf(value, inner, numberText) };
    case 'BS':
      return { BS: listOf(value, inner, binaryValue) };
    case 'BOOL':
      if (typeof value !== 'boolean') {
        throw new RequestShapeError(`${inner} must be true or false`);
      }
      return { BOOL: value };
    case 'NULL':
      return { NULL: true };
    case 'L':
      return { L: listOf(value, inner, toAttributeValue) };
    case 'M':
      return { M: toAttributeMap(value, inner) };
  }
}

/** A map of typed values (a key, attributeValues, expressionValues). */
export function toAttributeMap(typedMap: unknown, path: string): AttributeMap {
  if (!isPlainObject(typedMap)) {
    throw new RequestShapeError(`${path} must be an object of typed values`);
  }
  return Object.fromEntries(
    Object.entries(typedMap).map(([name, typed]) => [name, toAttributeValue(typed, `${path}.${name}`)]),
  );
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** One stored value as AppSync hands it to a response handler. */
export function fromAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return base64(value.B);
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map(base64);
  if (value.L !== undefined) return value.L.map(fromAttributeValue);
  if (value.M !== undefined) return fromAttributeMap(value.M);
  throw new Error(`DynamoDB returned a value of an unknown type: ${Object.keys(value).join(', ')}`);
}

/**
 * An item as plain values. Every item a read returns comes through here, so
 * this is a loop rather than Object.fromEntries, which took five times as
 * long; an attribute named `__proto__` is still defined as an own property,
 * as Object.fromEntries defines it, instead of setting the prototype.
 */
export function fromAttributeMap(item: AttributeMap): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const name of Object.keys(item)) {
    const value = fromAttributeValue(item[name]);
    if (name === '__proto__') {
      Object.defineProperty(plain, name, { value, writable: true, enumerable: true, configurable: true });
    } else {
      plain[name] = value;
    }
  }
  return plain;
}

export function itemOrNull(item: AttributeMap | undefined): Record<string, unknown> | null {
  return item ? fromAttributeMap(item) : null;
}

/**
 * A form of a value that is equal for equal stored values: set order does not
 * matter to DynamoDB, nor does how a number is written (`1.0` is `1`).
 */
function canonical(value: AttributeValue): unknown {
  if (value.N !== undefined) return { N: Number(value.N) };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.SS !== undefined) return { SS: [...value.SS].sort() };
  if (value.NS !== undefined) return { NS: value.NS.map(Number).sort((a, b) => a - b) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64).sort() };
  if (value.L !== undefined) return { L: value.L.map(canonical) };
  if (value.M !== undefined) return { M: canonicalMap(value.M) };
  return value;
}

function canonicalMap(item: AttributeMap, ignored: readonly string[] = []): Record<string, unknown> {
  const names = Object.keys(item)
    .filter((name) => !ignored.includes(name))
    .sort();
  return Object.fromEntries(names.map((name) => [name, canonical(item[name])]));
}

/** A string that identifies an item (or key) by its values, for matching DynamoDB's unordered answers. */
export function itemIdentity(item: AttributeMap, ignored: readonly string[] = []): string {
  return JSON.stringify(canonicalMap(item, ignored));
}

/** Whether two stored items hold the same values, leaving out the `ignored` attributes. */
export function sameItem(a: AttributeMap, b: AttributeMap, ignored: readonly string[] = []): boolean {
  return itemIdentity(a, ignored) === itemIdentity(b, ignored);
}

/** The key attributes of an item, named as in `key`. */
export function keyOf(item: AttributeMap, keyNames: readonly string[]): AttributeMap {
  return Object.fromEntries(keyNames.filter((name) => name in item).map((name) => [name, item[name]]));
}
