import { describe, expect, it } from 'vitest';
import { dynamodbUtil } from './dynamodb-values.ts';

// Expected values: what AWS's EvaluateCode returned, recorded in
// localstack/appsync-utils __tests__/__snapshots__/index.test.js.snap, for the
// examples of https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html

describe('util.dynamodb, as AWS answers the documented examples', () => {
  it('toDynamoDB types strings, numbers and booleans', () => {
    expect(dynamodbUtil.toDynamoDB('test')).toEqual({ S: 'test' });
    expect(dynamodbUtil.toDynamoDB(12345)).toEqual({ N: 12345 });
    expect(dynamodbUtil.toDynamoDB(true)).toEqual({ BOOL: true });
  });

  it('the scalar converters', () => {
    expect(dynamodbUtil.toString('test')).toEqual({ S: 'test' });
    expect(dynamodbUtil.toNumber(12345)).toEqual({ N: 12345 });
    expect(dynamodbUtil.toBinary('foo')).toEqual({ B: 'foo' });
    expect(dynamodbUtil.toBoolean(true)).toEqual({ BOOL: true });
    expect(dynamodbUtil.toNull()).toEqual({ NULL: null });
  });

  it('the set converters keep their members as given', () => {
    expect(dynamodbUtil.toStringSet(['foo', 'bar', 'baz'])).toEqual({ SS: ['foo', 'bar', 'baz'] });
    expect(dynamodbUtil.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
    expect(dynamodbUtil.toBinarySet(['foo', 'bar', 'baz'])).toEqual({ BS: ['foo', 'bar', 'baz'] });
  });

  it('toList converts each member, lists of objects included', () => {
    expect(dynamodbUtil.toList(['foo', 123, { bar: 'baz' }])).toEqual({
      L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }],
    });
  });

  it('toMap and toMapValues use lists, not sets', () => {
    const input = { foo: 'bar', baz: 1234, beep: ['boop'] };
    const members = { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } };
    expect(dynamodbUtil.toMap(input)).toEqual({ M: members });
    expect(dynamodbUtil.toMapValues(input)).toEqual(members);
  });

  it('toS3Object with and without a version', () => {
    expect(dynamodbUtil.toS3Object('foo', 'bar', 'baz')).toEqual({
      S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}',
    });
    expect(dynamodbUtil.toS3Object('foo', 'bar', 'baz', 'beep')).toEqual({
      S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}',
    });
  });
});

describe('util.dynamodb beyond the examples', () => {
  it('fromS3ObjectJson reads back what toS3Object wrote', () => {
    const stored = dynamodbUtil.toS3Object('foo', 'bar', 'baz', 'beep').S;
    expect(dynamodbUtil.fromS3ObjectJson(stored)).toEqual({ key: 'foo', bucket: 'bar', region: 'baz', version: 'beep' });
  });

  it('null and nested values', () => {
    expect(dynamodbUtil.toDynamoDB(null)).toEqual({ NULL: null });
    expect(dynamodbUtil.toDynamoDB({ a: { b: [1, null, false] } })).toEqual({
      M: { a: { M: { b: { L: [{ N: 1 }, { NULL: null }, { BOOL: false }] } } } },
    });
  });

  it('drops undefined members, as JSON does', () => {
    expect(dynamodbUtil.toMapValues({ kept: 'x', dropped: undefined })).toEqual({ kept: { S: 'x' } });
    expect(dynamodbUtil.toDynamoDB([undefined])).toEqual({ L: [{ NULL: null }] });
  });

  it('the typed converters answer null for a missing value', () => {
    expect(dynamodbUtil.toString(null)).toBeNull();
    expect(dynamodbUtil.toNumber(undefined)).toBeNull();
    expect(dynamodbUtil.toStringSet(null)).toBeNull();
    expect(dynamodbUtil.toList('not a list')).toBeNull();
    expect(dynamodbUtil.toMap(['not', 'a', 'map'])).toBeNull();
    expect(dynamodbUtil.toMapValues(null)).toBeNull();
  });

  it('is frozen, so no bundle can change it for the next', () => {
    expect(Object.isFrozen(dynamodbUtil)).toBe(true);
  });
});
