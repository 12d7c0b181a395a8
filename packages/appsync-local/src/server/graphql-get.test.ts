import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPSYNC_DEFAULT_SETTINGS } from '../start-appsync-api.ts';
import { createApiKeyAuthenticator } from '../auth/api-key-authenticator.ts';
import { NONE_DATA_SOURCE, NoneDataSource } from '../engine/none-data-source.ts';
import { startLocalServer, type LocalServer } from './start-local-server.ts';

// GraphQL over HTTP GET, as AppSync serves it: "AppSync supports HTTP POST
// and GET for queries and mutations. … Query variables are sent in the HTTP
// POST Body, encoded as JSON or as query parameters in HTTP GET."
// (the AppSync team: https://github.com/graphql/graphql-over-http/issues/81;
// also https://github.com/localstack/localstack/issues/10182). The URLs below
// have the shape urql sends by default for a query: query, operationName,
// variables (JSON) and extensions in the query string.

const API_KEY = 'da2-get-test-key';

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer({
    port: 0,
    schemaSDL: 'type Post { id: ID!, title: String } type Query { post(id: ID!): Post } type Mutation { touch(id: ID!): Post }',
    getResolvers: () =>
      ['Query.post', 'Mutation.touch'].map((name) => {
        const [typeName, fieldName] = name.split('.');
        return {
          kind: 'UNIT' as const,
          typeName,
          fieldName,
          dataSource: NONE_DATA_SOURCE,
          bundle: {
            fileName: `${name}.js`,
            code: `export function request(ctx) { return { payload: { id: ctx.args.id, title: '${fieldName} ' + ctx.args.id } }; }\nexport function response(ctx) { return ctx.result; }`,
          },
        };
      }),
    dataSources: new Map([[NONE_DATA_SOURCE, new NoneDataSource()]]),
    authenticate: createApiKeyAuthenticator({ apiKeys: [{ key: API_KEY }] }),
    authorizeField: () => true,
    allowedOrigins: [],
    settings: APPSYNC_DEFAULT_SETTINGS,
  });
});

afterAll(() => server.close());

function get(params: Record<string, string>, headers: Record<string, string> = { 'x-api-key': API_KEY }) {
  return fetch(`${server.url}/graphql?${new URLSearchParams(params)}`, { headers });
}

describe('GET /graphql (graphql-over-http#81: AppSync serves GraphQL over GET)', () => {
  it('answers a query sent as urql sends it, variables as JSON in the query string', async () => {
    const response = await get({
      query: 'query GetPost($id: ID!) { post(id: $id) { id title } }',
      operationName: 'GetPost',
      variables: JSON.stringify({ id: 'p7' }),
      extensions: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { post: { id: 'p7', title: 'post p7' } } });
  });

  it('runs a mutation too ("for queries and mutations")', async () => {
    const response = await get({ query: 'mutation { touch(id: "p8") { title } }' });
    expect(await response.json()).toEqual({ data: { touch: { title: 'touch p8' } } });
  });

  it('checks the credentials as a POST does: no key is 401 UnauthorizedException', async () => {
    const response = await get({ query: '{ post(id: "p1") { id } }' }, {});
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].errorType).toBe('UnauthorizedException');
  });

  it.each([
    ['no query', {}],
    ['variables that are not JSON', { query: '{ post(id: "p1") { id } }', variables: '{oops' }],
    ['variables that are not an object', { query: '{ post(id: "p1") { id } }', variables: '[1]' }],
  ])('refuses %s with 400 MalformedHttpRequestException, as an unreadable POST body', async (_case, params) => {
    const response = await get(params);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }],
    });
  });
});
