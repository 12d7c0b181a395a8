import { describe, expect, it } from 'vitest';
import { transformUtil } from './transform.ts';

// Expected values: AWS's answers recorded in localstack/appsync-utils,
// __tests__/__snapshots__/transform.test.js.snap (inputs in __tests__/transform.test.js).
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html

type Case = [name: string, filter: unknown, expected: { expression: string; names: object; values: object }];

function filter(input: unknown) {
  const json = transformUtil.toDynamoDBFilterExpression(input as never);
  return json === null ? null : JSON.parse(json);
}

function rendered(expected: Case[2]) {
  return { expression: expected.expression, expressionNames: expected.names, expressionValues: expected.values };
}

const CASES: Case[] = [
  ['eq', { v: { eq: 'x' } }, { expression: '(#v = :v_eq)', names: { '#v': 'v' }, values: { ':v_eq': { S: 'x' } } }],
  ['ne', { v: { ne: 'x' } }, { expression: '(#v <> :v_ne)', names: { '#v': 'v' }, values: { ':v_ne': { S: 'x' } } }],
  ['lt', { v: { lt: 'x' } }, { expression: '(#v < :v_lt)', names: { '#v': 'v' }, values: { ':v_lt': { S: 'x' } } }],
  ['le', { v: { le: 'x' } }, { expression: '(#v <= :v_le)', names: { '#v': 'v' }, values: { ':v_le': { S: 'x' } } }],
  ['gt', { v: { gt: 'x' } }, { expression: '(#v > :v_gt)', names: { '#v': 'v' }, values: { ':v_gt': { S: 'x' } } }],
  ['ge', { v: { ge: 'x' } }, { expression: '(#v >= :v_ge)', names: { '#v': 'v' }, values: { ':v_ge': { S: 'x' } } }],
  ['a number keeps its numeric type', { v: { eq: 10 } }, { expression: '(#v = :v_eq)', names: { '#v': 'v' }, values: { ':v_eq': { N: 10 } } }],
  ['a fractional number', { v: { eq: 1.5 } }, { expression: '(#v = :v_eq)', names: { '#v': 'v' }, values: { ':v_eq': { N: 1.5 } } }],
  ['a boolean', { v: { eq: true } }, { expression: '(#v = :v_eq)', names: { '#v': 'v' }, values: { ':v_eq': { BOOL: true } } }],
  ['null', { v: { eq: null } }, { expression: '(#v = :v_eq)', names: { '#v': 'v' }, values: { ':v_eq': { NULL: null } } }],
  ['an object', { v: { eq: { a: 1 } } }, { expression: '(#v = :v_eq)', names: { '#v': 'v' }, values: { ':v_eq': { M: { a: { N: 1 } } } } }],
  ['a list', { v: { eq: [1, 2] } }, { expression: '(#v = :v_eq)', names: { '#v': 'v' }, values: { ':v_eq': { L: [{ N: 1 }, { N: 2 }] } } }],
  ['contains leaves no space after the comma', { v: { contains: 'x' } }, { expression: '(contains(#v,:v_contains))', names: { '#v': 'v' }, values: { ':v_contains': { S: 'x' } } }],
  ['notContains', { v: { notContains: 'x' } }, { expression: '(NOT contains(#v,:v_notContains))', names: { '#v': 'v' }, values: { ':v_notContains': { S: 'x' } } }],
  ['beginsWith', { v: { beginsWith: 'x' } }, { expression: '(begins_with(#v,:v_beginsWith))', names: { '#v': 'v' }, values: { ':v_beginsWith': { S: 'x' } } }],
  ...(['string', 'numeric'] as const).map((kind): Case => {
    const [low, high] = kind === 'string' ? ['1', '9'] : [1, 9];
    const typed = (value: string | number) => (typeof value === 'string' ? { S: value } : { N: value });
    return [
      `between, ${kind} bounds`,
      { v: { between: [low, high] } },
      {
        expression: '(#v BETWEEN :v_between_start AND :v_between_end)',
        names: { '#v': 'v' },
        values: { ':v_between_start': typed(low), ':v_between_end': typed(high) },
      },
    ];
  }),
  ['between ignores anything past the second bound', { v: { between: ['1', '9', '3'] } }, { expression: '(#v BETWEEN :v_between_start AND :v_between_end)', names: { '#v': 'v' }, values: { ':v_between_start': { S: '1' }, ':v_between_end': { S: '9' } } }],
  ['in separates its values with a comma and a space', { v: { in: ['a', 'b'] } }, { expression: '(#v IN (:v_in_0, :v_in_1))', names: { '#v': 'v' }, values: { ':v_in_0': { S: 'a' }, ':v_in_1': { S: 'b' } } }],
  ['in with a single value', { v: { in: ['a'] } }, { expression: '(#v IN (:v_in_0))', names: { '#v': 'v' }, values: { ':v_in_0': { S: 'a' } } }],
  ['attributeExists true', { v: { attributeExists: true } }, { expression: '(attribute_exists(#v))', names: { '#v': 'v' }, values: {} }],
  ['attributeExists false', { v: { attributeExists: false } }, { expression: '(attribute_not_exists(#v))', names: { '#v': 'v' }, values: {} }],
  ['size compares the size of the attribute', { v: { size: { gt: 2 } } }, { expression: '(size(#v) > :v_size_gt)', names: { '#v': 'v' }, values: { ':v_size_gt': { N: 2 } } }],
  ['size combines with a range', { v: { size: { between: [1, 3] } } }, { expression: '(size(#v) BETWEEN :v_size_between_start AND :v_size_between_end)', names: { '#v': 'v' }, values: { ':v_size_between_start': { N: 1 }, ':v_size_between_end': { N: 3 } } }],
  ['size combines with a function', { v: { size: { contains: 'x' } } }, { expression: '(contains(size(#v),:v_size_contains))', names: { '#v': 'v' }, values: { ':v_size_contains': { S: 'x' } } }],
  ['size combines with attributeExists', { v: { size: { attributeExists: true } } }, { expression: '(attribute_exists(size(#v)))', names: { '#v': 'v' }, values: {} }],
  ['two comparisons on one size', { v: { size: { gt: 2, lt: 5 } } }, { expression: '((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))', names: { '#v': 'v' }, values: { ':v_size_gt': { N: 2 }, ':v_size_lt': { N: 5 } } }],
  ['nesting size names the value again without nesting the call', { v: { size: { size: { gt: 1 } } } }, { expression: '(size(#v) > :v_size_size_gt)', names: { '#v': 'v' }, values: { ':v_size_size_gt': { N: 1 } } }],
  ['two fields at the top level are joined without being wrapped', { a: { eq: 1 }, b: { eq: 2 } }, { expression: '(#a = :a_eq) AND (#b = :b_eq)', names: { '#a': 'a', '#b': 'b' }, values: { ':a_eq': { N: 1 }, ':b_eq': { N: 2 } } }],
  ['a field carrying two operators is wrapped', { v: { ge: 1, le: 5 } }, { expression: '((#v >= :v_ge) AND (#v <= :v_le))', names: { '#v': 'v' }, values: { ':v_ge': { N: 1 }, ':v_le': { N: 5 } } }],
  ['an and of one member is not wrapped', { and: [{ a: { eq: 1 } }] }, { expression: '(#a = :and_0_a_eq)', names: { '#a': 'a' }, values: { ':and_0_a_eq': { N: 1 } } }],
  ['an and of two members is wrapped', { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { expression: '((#a = :and_0_a_eq) AND (#b = :and_1_b_eq))', names: { '#a': 'a', '#b': 'b' }, values: { ':and_0_a_eq': { N: 1 }, ':and_1_b_eq': { N: 2 } } }],
  ['an or of two members', { or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { expression: '((#a = :or_0_a_eq) OR (#b = :or_1_b_eq))', names: { '#a': 'a', '#b': 'b' }, values: { ':or_0_a_eq': { N: 1 }, ':or_1_b_eq': { N: 2 } } }],
  ['not of a single comparison', { not: { a: { eq: 1 } } }, { expression: '(NOT (#a = :not_a_eq))', names: { '#a': 'a' }, values: { ':not_a_eq': { N: 1 } } }],
  ['not of a group', { not: { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] } }, { expression: '(NOT ((#a = :not_and_0_a_eq) AND (#b = :not_and_1_b_eq)))', names: { '#a': 'a', '#b': 'b' }, values: { ':not_and_0_a_eq': { N: 1 }, ':not_and_1_b_eq': { N: 2 } } }],
  ['not of a not', { not: { not: { a: { eq: 1 } } } }, { expression: '(NOT (NOT (#a = :not_not_a_eq)))', names: { '#a': 'a' }, values: { ':not_not_a_eq': { N: 1 } } }],
  ['not inside an and', { and: [{ not: { a: { eq: 1 } } }, { b: { eq: 2 } }] }, { expression: '((NOT (#a = :and_0_not_a_eq)) AND (#b = :and_1_b_eq))', names: { '#a': 'a', '#b': 'b' }, values: { ':and_0_not_a_eq': { N: 1 }, ':and_1_b_eq': { N: 2 } } }],
  ['an and inside an or', { or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] }, { expression: '(((#a = :or_0_and_0_a_eq) AND (#b = :or_0_and_1_b_eq)) OR (#c = :or_1_c_eq))', names: { '#a': 'a', '#b': 'b', '#c': 'c' }, values: { ':or_0_and_0_a_eq': { N: 1 }, ':or_0_and_1_b_eq': { N: 2 }, ':or_1_c_eq': { N: 3 } } }],
  ['an or inside an and', { and: [{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] }, { expression: '(((#a = :and_0_or_0_a_eq) OR (#b = :and_0_or_1_b_eq)) AND (#c = :and_1_c_eq))', names: { '#a': 'a', '#b': 'b', '#c': 'c' }, values: { ':and_0_or_0_a_eq': { N: 1 }, ':and_0_or_1_b_eq': { N: 2 }, ':and_1_c_eq': { N: 3 } } }],
  ['value names carry every level of the nesting', { and: [{ or: [{ and: [{ a: { eq: 1 } }] }] }] }, { expression: '(#a = :and_0_or_0_and_0_a_eq)', names: { '#a': 'a' }, values: { ':and_0_or_0_and_0_a_eq': { N: 1 } } }],
  ['a field beside a group', { a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, { expression: '(#a = :a_eq) AND (#b = :and_0_b_eq)', names: { '#a': 'a', '#b': 'b' }, values: { ':a_eq': { N: 1 }, ':and_0_b_eq': { N: 2 } } }],
  ['a field name is used verbatim, dots included', { 'a.b': { eq: 1 } }, { expression: '(#a.b = :a.b_eq)', names: { '#a.b': 'a.b' }, values: { ':a.b_eq': { N: 1 } } }],
  ['an empty filter', {}, { expression: '', names: {}, values: {} }],
  ['an empty group', { and: [] }, { expression: '', names: {}, values: {} }],
  ['a field without operators keeps its name', { v: {} }, { expression: '', names: { '#v': 'v' }, values: {} }],
  ['a size without operators keeps the name of its field', { v: { size: {} } }, { expression: '', names: { '#v': 'v' }, values: {} }],
  ['not of an empty filter', { not: {} }, { expression: '(NOT )', names: {}, values: {} }],
  ['an empty list of values', { v: { in: [] } }, { expression: '(null)', names: { '#v': 'v' }, values: {} }],
  ['an empty field beside a comparison leaves a dangling joiner', { a: { eq: 1 }, b: {} }, { expression: '(#a = :a_eq) AND ', names: { '#a': 'a', '#b': 'b' }, values: { ':a_eq': { N: 1 } } }],
  ['an empty member of a group leaves a dangling joiner', { and: [{ a: { eq: 1 } }, {}] }, { expression: '((#a = :and_0_a_eq) AND )', names: { '#a': 'a' }, values: { ':and_0_a_eq': { N: 1 } } }],
  ['a list filter combining content and a flag', { and: [{ content: { contains: 'a' } }, { done: { eq: true } }] }, { expression: '((contains(#content,:and_0_content_contains)) AND (#done = :and_1_done_eq))', names: { '#content': 'content', '#done': 'done' }, values: { ':and_0_content_contains': { S: 'a' }, ':and_1_done_eq': { BOOL: true } } }],
  ['a list filter combining a prefix and a range', { or: [{ content: { beginsWith: 'a' } }, { id: { between: ['1', '9'] } }] }, { expression: '((begins_with(#content,:or_0_content_beginsWith)) OR (#id BETWEEN :or_1_id_between_start AND :or_1_id_between_end))', names: { '#content': 'content', '#id': 'id' }, values: { ':or_0_content_beginsWith': { S: 'a' }, ':or_1_id_between_start': { S: '1' }, ':or_1_id_between_end': { S: '9' } } }],
];

describe('util.transform.toDynamoDBFilterExpression renders each shape as AWS does', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(filter(input)).toEqual(rendered(expected));
  });

  it('every attributeType name becomes its DynamoDB type code', () => {
    const names = ['_null', 'string', 'stringSet', 'number', 'numberSet', 'binary', 'binarySet', 'boolean', 'list', 'map'];
    const codes = ['NULL', 'S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'L', 'M'];
    const fields = 'abcdefghij'.split('');
    const input = Object.fromEntries(fields.map((field, index) => [field, { attributeType: names[index] }]));
    const result = filter(input);
    expect(result.expression).toBe(fields.map((field) => `(attribute_type(#${field},:${field}_attributeType))`).join(' AND '));
    expect(result.expressionValues).toEqual(Object.fromEntries(fields.map((field, index) => [`:${field}_attributeType`, { S: codes[index] }])));
  });
});

describe('the result is a JSON string, in the order AWS writes it', () => {
  it('a filter expression', () => {
    expect(transformUtil.toDynamoDBFilterExpression({ content: { contains: 'foo' } })).toBe(
      '{"expression":"(contains(#content,:content_contains))","expressionNames":{"#content":"content"},"expressionValues":{":content_contains":{"S":"foo"}}}',
    );
  });

  it('a condition expression', () => {
    expect(transformUtil.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: false } }] })).toBe(
      '{"expression":"(attribute_not_exists(#id))","expressionNames":{"#id":"id"},"expressionValues":{}}',
    );
  });

  it('the documented example (docs show spacing AWS does not produce)', () => {
    expect(filter({ title: { contains: 'Hello World' } })).toEqual({
      expression: '(contains(#title,:title_contains))',
      expressionNames: { '#title': 'title' },
      expressionValues: { ':title_contains': { S: 'Hello World' } },
    });
  });
});

describe('toDynamoDBConditionExpression renders exactly like the filter', () => {
  it.each([
    ['a comparison', { content: { eq: 'x' } }],
    ['a group of two members', { and: [{ content: { eq: 'x' } }, { version: { attributeExists: true } }] }],
    ['a negated range', { not: { id: { between: ['1', '9'] } } }],
    ['the condition guarding an update', { and: [{ id: { attributeExists: true } }, { _version: { eq: 1 } }] }],
  ])('%s', (_name, input) => {
    expect(transformUtil.toDynamoDBConditionExpression(input as never)).toBe(transformUtil.toDynamoDBFilterExpression(input as never));
  });

  it('the condition guarding an update, as recorded', () => {
    const condition = transformUtil.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: true } }, { _version: { eq: 1 } }] });
    expect(JSON.parse(condition as string)).toEqual({
      expression: '((attribute_exists(#id)) AND (#_version = :and_1__version_eq))',
      expressionNames: { '#id': 'id', '#_version': '_version' },
      expressionValues: { ':and_1__version_eq': { N: 1 } },
    });
  });
});

describe('filters AWS cannot render answer null', () => {
  it.each([
    ['no filter at all', undefined],
    ['null', null],
    ['an array', []],
    ['a string', 'string'],
    ['an unknown operator', { v: { foo: 1 } }],
    ['a field holding a value instead of operators', { v: 'x' }],
    ['a field nested in a field', { a: { b: { eq: 1 } } }],
    ['an and given a map instead of a list', { and: { a: { eq: 1 } } }],
    ['an and given null', { and: null }],
    ['a group holding a null member', { and: [{ a: { eq: 1 } }, null] }],
    ['a not given a list', { not: [{ a: { eq: 1 } }] }],
    ['a range with a single bound', { v: { between: [1] } }],
    ['a range that is not a list', { v: { between: 'x' } }],
    ['a list of values that is not a list', { v: { in: 'x' } }],
    ['attributeExists given something other than a boolean', { v: { attributeExists: 'yes' } }],
    ['attributeType given a type code instead of a type name', { v: { attributeType: 'S' } }],
    ['attributeType given an unknown name', { v: { attributeType: 'bogus' } }],
    ['size given a value instead of operators', { v: { size: 3 } }],
  ])('%s', (_name, input) => {
    expect(transformUtil.toDynamoDBFilterExpression(input as never)).toBeNull();
    expect(transformUtil.toDynamoDBConditionExpression(input as never)).toBeNull();
  });
});
