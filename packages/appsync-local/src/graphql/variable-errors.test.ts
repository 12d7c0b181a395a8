import { describe, expect, it } from 'vitest';
import { buildExecutableSchema } from './build-schema.ts';
import { executeOperation } from './execute-operation.ts';

// Variable values AppSync refuses, in the words and shape AppSync answers
// with; each case names the report it follows.

const schema = buildExecutableSchema(`
  enum Status { DRAFT PUBLISHED }
  input NestedInput { name: String! }
  input OutsideInput { nested: NestedInput, tags: [String!], status: Status, phone: AWSPhone, title: String = "untitled" }
  type Query { item(id: ID!): String, items(input: OutsideInput, limit: Int): String }
  type Mutation { createItem(outside_input: OutsideInput!): String }
`);

let resolverRuns = 0;

function run(query: string, variables: Record<string, unknown>) {
  return executeOperation(
    { query, variables },
    {
      schema,
      caller: { authMode: 'API_KEY', identity: {} },
      headers: {},
      resolvers: [],
      resolveWiredField: async () => {
        resolverRuns += 1;
        return { data: 'ran', errors: [] };
      },
      authorizeField: () => true,
      limits: { queryDepthLimit: 10, resolverCountLimit: 100, introspection: true },
    },
  );
}

const CREATE = 'mutation Create($outside_input: OutsideInput!) { createItem(outside_input: $outside_input) }';
const SECRET = 'do-not-echo-me';

describe('variables AppSync refuses, worded as graphql-java words them', () => {
  it.each([
    [
      'a missing non-null variable (aws-mobile-appsync-sdk-js#83)',
      'query ($id: ID!) { item(id: $id) }',
      {},
      "Variable 'id' has coerced Null value for NonNull type 'ID!'",
    ],
    [
      'a null non-null variable (aws-mobile-appsync-sdk-js#83)',
      'query ($id: ID!) { item(id: $id) }',
      { id: null },
      "Variable 'id' has coerced Null value for NonNull type 'ID!'",
    ],
    [
      'a required field missing deep inside an input names the variable and the field type (aws-appsync-community#406, #322)',
      CREATE,
      { outside_input: { nested: {}, phone: SECRET } },
      "Variable 'outside_input' has coerced Null value for NonNull type 'String!'",
    ],
    [
      'a null item in a list of non-null items',
      CREATE,
      { outside_input: { tags: ['a', null] } },
      "Variable 'outside_input' has coerced Null value for NonNull type 'String!'",
    ],
    [
      'a field the input type does not define, trailing space included (aws-appsync-community#273)',
      CREATE,
      { outside_input: { testa: SECRET, nested: {} } },
      "The variables input contains a field that is not defined for input object type 'OutsideInput' ",
    ],
  ])('%s: locations null, no data, no resolver run', async (_case, query, variables, message) => {
    resolverRuns = 0;
    const body = await run(query, variables);
    expect(body).toEqual({ data: null, errors: [{ path: null, locations: null, message }] });
    expect(resolverRuns).toBe(0);
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it("a value its scalar cannot read names the innermost field, located at the variable's definition (amplify-flutter#822)", async () => {
    const body = await run(CREATE, { outside_input: { phone: 'not a phone', title: SECRET } });
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        path: null,
        locations: [{ line: 1, column: 17, sourceName: null }],
        message: expect.stringMatching(/^Variable 'phone' has an invalid value\. /),
      },
    ]);
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('a top-level variable its scalar cannot read is named itself', async () => {
    const body = await run('query ($limit: Int) { items(limit: $limit) }', { limit: 'ten' });
    expect(body.errors?.[0].message).toMatch(/^Variable 'limit' has an invalid value\. /);
  });

  it('values that coerce run the operation, defaults and absent nullable variables included', async () => {
    const body = await run('query ($input: OutsideInput, $limit: Int) { items(input: $input, limit: $limit) }', {
      input: { nested: { name: 'n' }, tags: 'one', status: 'DRAFT' },
    });
    expect(body).toEqual({ data: { items: null } });
  });
});
