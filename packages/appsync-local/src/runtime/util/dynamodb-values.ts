// `util.dynamodb`: plain values to typed DynamoDB JSON, as AppSync builds it.
// https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html
//
// AppSync keeps numbers as JSON numbers (`{ "N": 12345 }`, `{ "NS": [1, 4.56] }`),
// not the strings the DynamoDB wire format uses: that is what EvaluateCode
// returns (recorded in localstack/appsync-utils, __tests__/__snapshots__/index.test.js.snap),
// so the data source, not this module, turns them into strings.

/** One typed DynamoDB attribute value (`{ S: 'x' }`, `{ N: 1 }`, `{ M: {…} }`, …). */
export type AttributeValue = Record<string, unknown>;

/** A value the resolver code handed us: a plain object, not an array or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  // Array.isArray and typeof work across vm realms, where `instanceof` does not.
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Any value as an attribute value. Lists stay lists (`L`), never sets; object
 * members that are `undefined` are dropped, as JSON drops them.
 */
export function toDynamoDB(value: unknown): AttributeValue | null {
  if (value === null) {
    return { NULL: null };
  }
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      return { N: value };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      return Array.isArray(value) ? { L: value.map((item) => toDynamoDB(item ?? null)) } : { M: toMapValues(value) };
    default:
      return null;
  }
}

/** The members of an object, each as an attribute value (`toMap(obj).M`). */
export function toMapValues(value: unknown): Record<string, AttributeValue> | null {
  if (!isPlainObject(value)) {
    return null;
  }
  const members: Record<string, AttributeValue> = {};
  for (const [name, member] of Object.entries(value)) {
    const converted = member === undefined ? null : toDynamoDB(member);
    if (converted !== null) {
      members[name] = converted;
    }
  }
  return members;
}

function whenPresent<T, R>(value: T | null | undefined, convert: (present: T) => R): R | null {
  return value === null || value === undefined ? null : convert(value);
}

function s3ObjectJson(key: string, bucket: string, region: string, version?: string): string {
  const s3: Record<string, string> = { key, bucket, region };
  if (version !== undefined) {
    s3.version = version;
  }
  return JSON.stringify({ s3 });
}

/** `util.dynamodb`, with the names and null handling of the .d.ts of @aws-appsync/utils. */
export const dynamodbUtil = Object.freeze({
  toDynamoDB,
  toMapValues,
  toString: (value: string | null | undefined) => whenPresent(value, (text) => ({ S: text })),
  toStringSet: (list: string[] | null | undefined) => whenPresent(list, (items) => ({ SS: [...items] })),
  toNumber: (value: number | null | undefined) => whenPresent(value, (num) => ({ N: num })),
  toNumberSet: (list: number[] | null | undefined) => whenPresent(list, (items) => ({ NS: [...items] })),
  toBinary: (value: string | null | undefined) => whenPresent(value, (base64) => ({ B: base64 })),
  toBinarySet: (list: string[] | null | undefined) => whenPresent(list, (items) => ({ BS: [...items] })),
  toBoolean: (value: boolean | null | undefined) => whenPresent(value, (flag) => ({ BOOL: flag })),
  toNull: () => ({ NULL: null }),
  toList: (value: unknown) => (Array.isArray(value) ? toDynamoDB(value) : null),
  toMap: (value: unknown) => (isPlainObject(value) ? toDynamoDB(value) : null),
  toS3Object: (key: string, bucket: string, region: string, version?: string) => ({
    S: s3ObjectJson(key, bucket, region, version),
  }),
  /** The `{ key, bucket, region, version? }` of the JSON string an S3 object attribute holds. */
  fromS3ObjectJson: (s3ObjectString: string) => {
    const parsed: unknown = JSON.parse(s3ObjectString);
    return isPlainObject(parsed) && isPlainObject(parsed.s3) ? parsed.s3 : null;
  },
});
