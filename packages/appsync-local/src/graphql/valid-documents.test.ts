import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ResolverDefinition } from '../types.ts';
import { buildExecutableSchema } from './build-schema.ts';
import { executeOperation, type OperationContext } from './execute-operation.ts';
import { rememberValidDocument, validDocument } from './valid-documents.ts';

const schema = () => buildSchema('type Query { hello(name: String): String }');
const WITH_INTROSPECTION = { introspection: true };

describe('valid documents', () => {
  it('are kept by query text, per schema and per rule set', () => {
    const [kept, other] = [schema(), schema()];
    const document = parse('{ hello }');
    rememberValidDocument(kept, '{ hello }', WITH_INTROSPECTION, document);
    expect(validDocument(kept, '{ hello }', WITH_INTROSPECTION)).toBe(document);
    expect(validDocument(kept, '{ hello }', { introspection: false })).toBeUndefined();
    expect(validDocument(kept, '{hello}', WITH_INTROSPECTION)).toBeUndefined();
    expect(validDocument(other, '{ hello }', WITH_INTROSPECTION)).toBeUndefined();
  });

  it('keep the 256 most recently used and no text over 16 KiB', () => {
    const kept = schema();
    const query = (index: number) => `{ hello(name: "${index}") }`;
    for (let index = 0; index < 257; index += 1) {
      rememberValidDocument(kept, query(index), WITH_INTROSPECTION, parse(query(index)));
      // the first stays in use, so the second is the oldest when the 257th arrives
      validDocument(kept, query(0), WITH_INTROSPECTION);
    }
    expect(validDocument(kept, query(0), WITH_INTROSPECTION)).toBeDefined();
    expect(validDocument(kept, query(1), WITH_INTROSPECTION)).toBeUndefined();
    expect(validDocument(kept, query(256), WITH_INTROSPECTION)).toBeDefined();
    const long = `{ hello(name: "${'x'.repeat(16 * 1024)}") }`;
    rememberValidDocument(kept, long, WITH_INTROSPECTION, parse(long));
    expect(validDocument(kept, long, WITH_INTROSPECTION)).toBeUndefined();
  });
});

describe('executeOperation with a query text seen before', () => {
  const executable = buildExecutableSchema('type Query { hello(name: String): String }');
  const hello: ResolverDefinition = {
    kind: 'UNIT',
    typeName: 'Query',
    fieldName: 'hello',
    dataSource: 'none',
    bundle: { fileName: 'Query.hello.js', code: '' },
  };
  const context = (introspection: boolean): OperationContext => ({
    schema: executable,
    caller: { authMode: 'API_KEY', identity: {} },
    headers: {},
    resolvers: [hello],
    resolveWiredField: async (_definition, invocation) => ({ data: `hi ${invocation.arguments.name}`, errors: [] }),
    authorizeField: () => true,
    limits: { queryDepthLimit: 10, resolverCountLimit: 100, introspection },
  });

  it('answers the same, valid or not', async () => {
    for (const query of ['{ hello(name: "Ada") }', '{ nope }', '{ hello', '{ __schema { queryType { name } } }']) {
      const first = await executeOperation({ query }, context(true));
      expect(await executeOperation({ query }, context(true))).toEqual(first);
    }
  });

  it('answers for the variables each request sends', async () => {
    const query = 'query ($name: String) { hello(name: $name) }';
    expect(await executeOperation({ query, variables: { name: 'Ada' } }, context(true))).toEqual({
      data: { hello: 'hi Ada' },
    });
    expect(await executeOperation({ query, variables: { name: 'Grace' } }, context(true))).toEqual({
      data: { hello: 'hi Grace' },
    });
  });

  it('is still refused without introspection after it passed with introspection', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect(await executeOperation({ query }, context(true))).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    expect(await executeOperation({ query }, context(false))).toMatchObject({
      data: null,
      errors: [{ message: expect.stringContaining('Validation error of type FieldUndefined') }],
    });
  });
});
