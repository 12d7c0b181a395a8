import { describe, expect, it } from 'vitest';
import { fromAttributeMap, sameItem, toAttributeMap, toAttributeValue } from './attribute-values.ts';
import { RequestShapeError } from './data-source-errors.ts';

// Examples from "Type system (request mapping)" and "Type system (response mapping)":
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-typed-values-request.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-typed-values-responses.html

describe('typed values from a request object', () => {
  it('sends numbers written as JSON numbers as the strings DynamoDB expects', () => {
    expect(toAttributeValue({ N: 1234 }, 'n')).toEqual({ N: '1234' });
    expect(toAttributeValue({ N: '12.5' }, 'n')).toEqual({ N: '12.5' });
    expect(toAttributeValue({ NS: [67.8, 12.2, 70] }, 'ns')).toEqual({ NS: ['67.8', '12.2', '70'] });
  });

  it('decodes base64 binaries into bytes', () => {
    const value = toAttributeValue({ B: 'SGVsbG8sIFdvcmxkIQo=' }, 'b');
    expect(Buffer.from(value.B as Uint8Array).toString()).toBe('Hello, World!\n');
    const set = toAttributeValue({ BS: ['SGVsbG8sIFdvcmxkIQo=', 'SG93IGFyZSB5b3U/Cg=='] }, 'bs');
    expect((set.BS as Uint8Array[]).map((bytes) => Buffer.from(bytes).toString())).toEqual([
      'Hello, World!\n',
      'How are you?\n',
    ]);
  });

  it('turns { "NULL": null } into the NULL: true DynamoDB expects', () => {
    expect(toAttributeValue({ NULL: null }, 'phoneNumbers')).toEqual({ NULL: true });
  });

  it('converts lists and maps all the way down', () => {
    expect(
      toAttributeMap(
        {
          list: {
            L: [{ S: 'A string value' }, { N: 1 }, { SS: ['Another string value', 'Even more string values!'] }],
          },
          map: { M: { someNumber: { N: 1 }, nothing: { NULL: null }, done: { BOOL: false } } },
        },
        'attributeValues',
      ),
    ).toEqual({
      list: { L: [{ S: 'A string value' }, { N: '1' }, { SS: ['Another string value', 'Even more string values!'] }] },
      map: { M: { someNumber: { N: '1' }, nothing: { NULL: true }, done: { BOOL: false } } },
    });
  });

  it('refuses a value with more than one type key, as AppSync does not parse it', () => {
    expect(() => toAttributeValue({ S: 'a', N: 1 }, 'key.id')).toThrow(RequestShapeError);
    expect(() => toAttributeValue({ S: 'a', N: 1 }, 'key.id')).toThrow(/key\.id/);
  });

  it('refuses untyped values and wrong inner types', () => {
    expect(() => toAttributeMap({ id: 'plain' }, 'key')).toThrow(RequestShapeError);
    expect(() => toAttributeValue({ N: true }, 'n')).toThrow(RequestShapeError);
    expect(() => toAttributeValue({ BOOL: 'yes' }, 'b')).toThrow(RequestShapeError);
    expect(() => toAttributeValue({ X: 1 }, 'x')).toThrow(RequestShapeError);
  });
});

describe('stored values as AppSync hands them to a response handler', () => {
  it('converts the documented example item', () => {
    expect(fromAttributeMap({ id: { S: '1234' }, name: { S: 'Nadia' }, age: { N: '25' } })).toEqual({
      id: '1234',
      name: 'Nadia',
      age: 25,
    });
  });

  it('returns sets as arrays, numbers as numbers and binaries as base64 strings', () => {
    expect(
      fromAttributeMap({
        phoneNumbers: { SS: ['+1 555 123 4567', '+1 555 234 5678'] },
        sensorReadings: { NS: ['67.8', '12.2', '70'] },
        binaryMessage: { B: Buffer.from('Hello, World!\n') },
        binaryMessages: { BS: [Buffer.from('Hello, World!\n'), Buffer.from('How are you?\n')] },
        orderComplete: { BOOL: true },
        nothing: { NULL: true },
        list: { L: [{ S: 'A string value' }, { N: '1' }] },
        map: { M: { someString: { S: 'A string value' }, stringSet: { SS: ['a', 'b'] } } },
      }),
    ).toEqual({
      phoneNumbers: ['+1 555 123 4567', '+1 555 234 5678'],
      sensorReadings: [67.8, 12.2, 70],
      binaryMessage: 'SGVsbG8sIFdvcmxkIQo=',
      binaryMessages: ['SGVsbG8sIFdvcmxkIQo=', 'SG93IGFyZSB5b3U/Cg=='],
      orderComplete: true,
      nothing: null,
      list: ['A string value', 1],
      map: { someString: 'A string value', stringSet: ['a', 'b'] },
    });
  });

  it('keeps an attribute named __proto__ as an attribute, not as the prototype', () => {
    const stored: Record<string, { S: string }> = Object.create(null);
    stored.__proto__ = { S: 'not a prototype' };
    stored.title = { S: 'Launch' };
    const item = fromAttributeMap(stored);
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(JSON.stringify(item)).toBe('{"__proto__":"not a prototype","title":"Launch"}');
  });
});

describe('sameItem', () => {
  it('ignores attribute order, set order and how numbers are written', () => {
    expect(
      sameItem(
        { id: { S: '1' }, tags: { SS: ['a', 'b'] }, score: { N: '1.0' } },
        { score: { N: '1' }, tags: { SS: ['b', 'a'] }, id: { S: '1' } },
      ),
    ).toBe(true);
  });

  it('leaves out the ignored attributes and nothing else', () => {
    const stored = { id: { S: '1' }, name: { S: 'Steve' }, version: { N: '8' } };
    expect(sameItem(stored, { id: { S: '1' }, name: { S: 'Steve' }, version: { N: '2' } }, ['version'])).toBe(true);
    expect(sameItem(stored, { id: { S: '1' }, name: { S: 'Steve' }, version: { N: '2' } })).toBe(false);
    expect(sameItem(stored, { id: { S: '1' }, name: { S: 'Bob' }, version: { N: '8' } }, ['version'])).toBe(false);
    expect(sameItem(stored, { id: { S: '1' }, name: { S: 'Steve' } })).toBe(false);
  });
});
