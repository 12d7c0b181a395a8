import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildExecutableSchema } from '../build-schema.ts';

// Each AppSync scalar, checked through a real schema the way a client meets
// it: as a variable, as a literal in the query, and as a resolver's value.
// Valid and invalid examples follow "Scalar types in AWS AppSync":
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html

const SCALARS = [
  'AWSDate',
  'AWSTime',
  'AWSDateTime',
  'AWSTimestamp',
  'AWSEmail',
  'AWSJSON',
  'AWSURL',
  'AWSPhone',
  'AWSIPAddress',
];

const schema = buildExecutableSchema(`
  type Query {
    ${SCALARS.map((name) => `echo${name}(value: ${name}): ${name}`).join('\n')}
    ${SCALARS.map((name) => `stored${name}: ${name}`).join('\n')}
  }
`);

async function sendAsVariable(scalar: string, value: unknown) {
  return graphql({
    schema,
    source: `query ($value: ${scalar}) { echo${scalar}(value: $value) }`,
    variableValues: { value },
    fieldResolver: (_source, args) => args.value,
  });
}

async function sendAsLiteral(scalar: string, literal: string) {
  return graphql({
    schema,
    source: `{ echo${scalar}(value: ${literal}) }`,
    fieldResolver: (_source, args) => args.value,
  });
}

async function returnFromResolver(scalar: string, value: unknown) {
  return graphql({ schema, source: `{ stored${scalar} }`, fieldResolver: () => value });
}

const accepted: [string, unknown[]][] = [
  [
    'AWSDate',
    [
      '1970-01-01',
      '2024-02-29',
      '1970-01-01Z',
      '1970-01-01-07:00',
      '1970-01-01+05:30',
      '1970-01-01+05:30:15',
      '-2017-01-01',
    ],
  ],
  [
    'AWSTime',
    [
      '12:00',
      '12:00:00',
      '12:00:00.2',
      '12:00:00.277',
      '12:00:00.123456789',
      '12:30Z',
      '12:30:24-07:00',
      '12:30:24.500+05:30',
    ],
  ],
  [
    'AWSDateTime',
    [
      '1970-01-01T12:00:00.2Z',
      '1970-01-01T12:00:00.277Z',
      '1970-01-01T12:00:00.123456789Z',
      '1970-01-01T12:00Z',
      '2025-06-01T20:30:00+02:00',
      '-2017-01-01T00:00Z',
      '1970-01-01T00:00:00+05:30:15',
    ],
  ],
  ['AWSTimestamp', [0, -123, 1735689600, 2 ** 40]],
  ['AWSEmail', ['username@example.com', 'first.last+tag@sub.example.co.uk', 'root@localhost']],
  ['AWSURL', ['https://example.com', 'http://localhost/', 'ftp://files.example.com/a/b', 'mailto:someone@example.com']],
  ['AWSPhone', ['+1 206-555-0100', '206 555 0100', '206-555-0100', '2065550100', '+44 20 7946 0958', '1-206-555-0100']],
  ['AWSIPAddress', ['127.0.0.1', '127.0.0.1/8', '::1', '2001:db8::/32', '192.0.2.255/32']],
];

const refused: [string, unknown[]][] = [
  [
    'AWSDate',
    [
      'not-a-date',
      '2025-02-30',
      '2023-02-29',
      '2025-13-01',
      '25-01-01',
      '2025-01-01T00:00Z',
      '2025-01-01+0530',
      20250101,
    ],
  ],
  ['AWSTime', ['24:00', '12:60', '12:00:60', '12:00:00.1234567890', '12', '12:00+5', 'noon']],
  [
    'AWSDateTime',
    [
      'not-a-date',
      '2025-06-01T18:30:00',
      '2025-06-01',
      '2025-02-30T00:00Z',
      '2025-06-01T24:00:00Z',
      '2025-06-01 18:30:00Z',
      '2025-06-01T18:30:00+19:00',
    ],
  ],
  ['AWSTimestamp', [1.5, '1735689600', 2 ** 60, 'now']],
  ['AWSEmail', ['username', 'user@', '@example.com', 'user@exa mple.com', 'user@-example.com']],
  ['AWSURL', ['example.com', 'www.example.com', 'https://example.com/a//b', 'not a url']],
  ['AWSPhone', ['phone', '555-0100', '+1', '206--555-0100', '(206) 555-0100', '106 555 0100', '+1234567890123456']],
  ['AWSIPAddress', ['256.0.0.1', '127.0.0.1/33', '::1/129', 'localhost', '1.2.3', '10.0.0.1/8/8']],
];

describe.each(accepted)('%s accepts valid values', (scalar, values) => {
  it.each(values.map((value) => [value]))('%j as a variable, a literal and a resolver value', async (value) => {
    const variable = await sendAsVariable(scalar, value);
    expect(variable.errors).toBeUndefined();
    expect(variable.data).toEqual({ [`echo${scalar}`]: value });

    const literal = await sendAsLiteral(scalar, JSON.stringify(value));
    expect(literal.errors).toBeUndefined();
    expect(literal.data).toEqual({ [`echo${scalar}`]: value });

    const stored = await returnFromResolver(scalar, value);
    expect(stored.errors).toBeUndefined();
    expect(stored.data).toEqual({ [`stored${scalar}`]: value });
  });
});

describe.each(refused)('%s refuses invalid values', (scalar, values) => {
  it.each(values.map((value) => [value]))('%j as a variable, a literal and a resolver value', async (value) => {
    const variable = await sendAsVariable(scalar, value);
    expect(variable.data).toBeUndefined();
    expect(variable.errors![0].message).toContain(scalar);

    const literal = await sendAsLiteral(scalar, JSON.stringify(value));
    expect(literal.data).toBeUndefined();
    expect(literal.errors).toHaveLength(1);

    const stored = await returnFromResolver(scalar, value);
    expect(stored.data).toEqual({ [`stored${scalar}`]: null });
    expect(stored.errors![0].message).toContain(`as a valid ${scalar}`);
  });
});

describe('AWSJSON', () => {
  it('hands resolvers the parsed value of a JSON string', async () => {
    const seen: unknown[] = [];
    const result = await graphql({
      schema,
      source: 'query ($value: AWSJSON) { echoAWSJSON(value: $value) }',
      variableValues: { value: '{"upvotes": 10, "tags": ["a"]}' },
      fieldResolver: (_source, args) => {
        seen.push(args.value);
        return args.value;
      },
    });
    expect(seen).toEqual([{ upvotes: 10, tags: ['a'] }]);
    expect(result.data).toEqual({ echoAWSJSON: '{"upvotes":10,"tags":["a"]}' });
  });

  it.each([['{"a":1}'], ['[1,2,3]'], ['"AWSJSON example string"'], ['1'], ['true']])(
    'accepts the JSON text %s',
    async (text) => {
      const result = await sendAsVariable('AWSJSON', text);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ echoAWSJSON: JSON.stringify(JSON.parse(text)) });
    },
  );

  it.each([['{a: 1}'], ["{'a': 1}"], ['Unquoted string']])('refuses the invalid JSON %s', async (text) => {
    const result = await sendAsVariable('AWSJSON', text);
    expect(result.errors![0].message).toContain('AWSJSON');
  });

  it('refuses a value that is not a string, as an unquoted literal', async () => {
    expect((await sendAsVariable('AWSJSON', { a: 1 })).errors).toHaveLength(1);
    expect((await sendAsLiteral('AWSJSON', '{ a: 1 }')).errors).toHaveLength(1);
  });

  it('returns a resolver object as a JSON string, not an object', async () => {
    const result = await returnFromResolver('AWSJSON', { nested: { list: [1, 2] } });
    expect(result.data).toEqual({ storedAWSJSON: '{"nested":{"list":[1,2]}}' });
  });

  it('passes on a resolver string that already is JSON, and encodes one that is not', async () => {
    expect((await returnFromResolver('AWSJSON', '{"a":1}')).data).toEqual({ storedAWSJSON: '{"a":1}' });
    expect((await returnFromResolver('AWSJSON', 'plain text')).data).toEqual({ storedAWSJSON: '"plain text"' });
  });
});
