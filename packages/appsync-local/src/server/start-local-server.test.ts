import { build } from 'esbuild';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NONE_DATA_SOURCE, NoneDataSource } from '../engine/none-data-source.ts';
import { createApiKeyAuthenticator } from '../auth/api-key-authenticator.ts';
import { UNAUTHORIZED_MESSAGES } from '../auth/unauthorized-messages.ts';
import type { ApiSettings, FieldAuthorizer, ResolverDefinition } from '../types.ts';
import { startLocalServer, type LocalServer, type LocalServerOptions } from './start-local-server.ts';

// The server over real HTTP, with resolvers compiled from small APPSYNC_JS
// sources (as `npm run build` compiles ours) and run by the real engine
// against a NONE data source.

const API_KEY = 'da2-server-test-key';
const ALLOWED_ORIGIN = 'http://localhost:5173';

const SCHEMA = `
  type Post { id: ID!, title: String }
  type Context {
    arguments: AWSJSON, source: AWSJSON, identity: AWSJSON, headers: AWSJSON, info: AWSJSON, selection: AWSJSON, authType: String
  }
  type Query {
    context(text: String, count: Int): Context
    post(id: ID!): Post
    refuse: Post
  }
`;

const SOURCES: Record<string, string> = {
  'Query.context': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) {
      return { payload: {
        arguments: JSON.stringify(ctx.arguments),
        source: JSON.stringify(ctx.source),
        identity: JSON.stringify(ctx.identity),
        headers: JSON.stringify(ctx.request.headers),
        info: JSON.stringify(ctx.info),
        selection: JSON.stringify([ctx.info.selectionSetList, ctx.info.selectionSetGraphQL]),
        authType: util.authType(),
      } };
    }
    export function response(ctx) { return ctx.result; }`,
  'Query.post': `
    export function request(ctx) {
      console.log('reading post', ctx.args.id);
      return { payload: { id: ctx.args.id, title: 'Post ' + ctx.args.id } };
    }
    export function response(ctx) { return ctx.result; }`,
  'Query.refuse': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: {} }; }
    export function response(ctx) {
      util.error('Refused on purpose', 'RefusedError', { id: 'p1', title: 'kept only if selected' }, { reason: 'test' });
    }`,
};

async function compile(name: string, contents: string): Promise<ResolverDefinition> {
  const result = await build({
    stdin: { contents, loader: 'js', resolveDir: import.meta.dirname, sourcefile: `${name}.js` },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2020',
    external: ['@aws-appsync/*'],
    write: false,
  });
  const [typeName, fieldName] = name.split('.');
  return {
    kind: 'UNIT',
    typeName,
    fieldName,
    dataSource: NONE_DATA_SOURCE,
    bundle: { fileName: `${name}.js`, code: result.outputFiles[0].text },
  };
}

/** Low enough for the tests to reach each limit. */
const TEST_SETTINGS: ApiSettings = {
  queryDepthLimit: 6,
  resolverCountLimit: 100,
  introspection: true,
  maxRequestBodyBytes: 100 * 1024,
};

/** The field rules of an API with one auth mode: every field is open to it. */
const everyFieldOpen: FieldAuthorizer = () => true;

let resolvers: ResolverDefinition[];
const servers: LocalServer[] = [];

async function serve(
  overrides: Partial<LocalServerOptions> = {},
  settings: Partial<ApiSettings> = {},
): Promise<LocalServer> {
  const server = await startLocalServer({
    port: 0,
    schemaSDL: SCHEMA,
    getResolvers: () => resolvers,
    dataSources: new Map([[NONE_DATA_SOURCE, new NoneDataSource()]]),
    authenticate: createApiKeyAuthenticator({ apiKeys: [{ key: API_KEY }] }),
    authorizeField: everyFieldOpen,
    allowedOrigins: [ALLOWED_ORIGIN],
    settings: { ...TEST_SETTINGS, ...settings },
    explorerApiKey: API_KEY,
    ...overrides,
  });
  servers.push(server);
  return server;
}

function post(server: LocalServer, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, ...headers },
    body,
  });
}

function query(
  server: LocalServer,
  text: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  return post(server, JSON.stringify({ query: text, variables }), headers);
}

let server: LocalServer;
beforeAll(async () => {
  resolvers = await Promise.all(Object.entries(SOURCES).map(([name, source]) => compile(name, source)));
  server = await serve();
});
afterAll(async () => {
  await Promise.all(servers.map((running) => running.close()));
});

describe('POST /graphql', () => {
  it('runs a resolver through the engine and answers only data', async () => {
    const response = await query(server, '{ post(id: "7") { id title } }');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ data: { post: { id: '7', title: 'Post 7' } } });
  });

  it('hands what resolver code logged to onResolverLogs, named by resolver', async () => {
    const logged: [string, string[]][] = [];
    const logging = await serve({ onResolverLogs: (resolver, lines) => logged.push([resolver, lines]) });
    await query(logging, '{ post(id: "8") { id } }');
    expect(logged).toEqual([['Query.post', ['INFO - Query.post.js:3:3: "reading post" "8"']]]);
  });

  it("gives resolvers AppSync's context: coerced arguments, headers without cookie, info, auth type", async () => {
    const response = await query(
      server,
      'query Probe($n: Int) { context(count: $n) { arguments source identity headers info selection authType } }',
      { n: 3 },
      { cookie: 'session=secret', 'X-Custom-Header': 'Yes' },
    );
    const context = (await response.json()).data.context;
    expect(JSON.parse(context.arguments)).toEqual({ count: 3 });
    expect(JSON.parse(context.source)).toBeNull();
    expect(JSON.parse(context.identity)).toBeNull();
    const headers = JSON.parse(context.headers);
    expect(headers).toMatchObject({ 'x-custom-header': 'Yes', 'x-api-key': API_KEY });
    expect(headers.cookie).toBeUndefined();
    // resolver-context-reference-js: JSON.stringify(ctx.info) shows neither selection set; both are read directly
    expect(JSON.parse(context.info)).toEqual({ fieldName: 'context', parentTypeName: 'Query', variables: { n: 3 } });
    expect(JSON.parse(context.selection)).toEqual([
      ['arguments', 'source', 'identity', 'headers', 'info', 'selection', 'authType'],
      '{\n  arguments\n  source\n  identity\n  headers\n  info\n  selection\n  authType\n}',
    ]);
    expect(context.authType).toBe('API Key Authorization');
  });

  // resolver-context-reference-js types each header as one string and is silent on a header sent
  // twice; our reading joins the values with ", " in the order sent (RFC 9110 §5.3), for every header.
  it('gives a header sent more than once to ctx.request.headers as its values joined with ", "', async () => {
    const body = JSON.stringify({ query: '{ context { headers } }' });
    const answer = await new Promise<string>((resolve, reject) => {
      const outgoing = request(`${server.url}/graphql`, {
        method: 'POST',
        // raw name/value pairs: each repeated name goes out as a line of its own (and nothing is added, not even host)
        headers: [
          ['host', new URL(server.url).host],
          ['content-type', 'application/json'],
          ['content-length', String(Buffer.byteLength(body))],
          ['x-api-key', API_KEY],
          ['x-tenant', 'blue'],
          ['x-tenant', 'green'],
          ['user-agent', 'probe/1'],
          ['user-agent', 'probe/2'],
        ].flat(),
      });
      outgoing.on('response', (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    const headers = JSON.parse(JSON.parse(answer).data.context.headers);
    expect(headers).toMatchObject({ 'x-tenant': 'blue, green', 'user-agent': 'probe/1, probe/2' });
  });

  it('reports util.error with data filtered by the selection and errorInfo whole, and no internals', async () => {
    const response = await query(server, '{ refuse { id } }');
    const raw = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(raw)).toEqual({
      data: { refuse: null },
      errors: [
        {
          path: ['refuse'],
          data: { id: 'p1' },
          errorType: 'RefusedError',
          errorInfo: { reason: 'test' },
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Refused on purpose',
        },
      ],
    });
    expect(raw).not.toMatch(/stack|\.ts:|at \w+ \(/);
  });

  it('reports a validation error with HTTP 200 and data null', async () => {
    const response = await query(server, '{badfield}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 2, sourceName: null }],
          message:
            "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'",
        },
      ],
    });
  });

  it.each([
    ['an empty body', '', 'Request body is empty.'],
    ['a body that is not JSON', 'meow', 'Unable to parse GraphQL query.'],
    ['an empty object', '{}', 'Unable to parse GraphQL query.'],
    ['a JSON array', '[]', 'Unable to parse GraphQL query.'],
    [
      'variables that are not an object',
      '{"query":"{ refuse { id } }","variables":"x"}',
      'Unable to parse GraphQL query.',
    ],
  ])('refuses %s with 400 MalformedHttpRequestException', async (_case, body, message) => {
    const response = await post(server, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message, errorType: 'MalformedHttpRequestException' }] });
  });
});

describe('authentication', () => {
  it.each([
    ['without a key', {}, UNAUTHORIZED_MESSAGES.noValidHeader],
    ['with a wrong key', { 'x-api-key': 'da2-wrong' }, UNAUTHORIZED_MESSAGES.notAuthorized],
  ])('answers 401 UnauthorizedException %s, running nothing', async (_case, headers, message) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ post(id: "1") { id } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(await response.json()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message }] });
  });

  it("answers AppSync's field error when the field rules refuse the caller's mode", async () => {
    const guarded = await serve({
      authorizeField: (typeName, fieldName) => !(typeName === 'Post' && fieldName === 'title'),
    });
    const body = await (await query(guarded, '{ post(id: "1") { id title } }')).json();
    expect(body.data).toEqual({ post: { id: '1', title: null } });
    expect(body.errors[0]).toMatchObject({
      path: ['post', 'title'],
      errorType: 'Unauthorized',
      message: 'Not Authorized to access title on type Post',
    });
  });
});

describe('CORS', () => {
  it('allows a listed origin', async () => {
    const response = await query(server, '{ post(id: "1") { id } }', undefined, { origin: ALLOWED_ORIGIN });
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });

  it('gives another origin no CORS headers', async () => {
    const response = await query(server, '{ post(id: "1") { id } }', undefined, {
      origin: 'https://elsewhere.example',
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight without credentials', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-api-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, x-api-key');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('also puts CORS headers on a 401, so a browser can read why', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: ALLOWED_ORIGIN },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });
});

describe('limits from ApiSettings', () => {
  it('refuses a body over maxRequestBodyBytes with 413', async () => {
    const small = await serve({}, { maxRequestBodyBytes: 200 });
    const padding = 'x'.repeat(300);
    const response = await query(small, `{ post(id: "${padding}") { id } }`);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].errorType).toBe('PayloadTooLargeException');
    const fits = await query(small, '{ post(id: "1") { id } }');
    expect(fits.status).toBe(200);
  });

  it('refuses a chunked body over the limit while reading it', async () => {
    const small = await serve({}, { maxRequestBodyBytes: 200 });
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(JSON.stringify({ query: `{ post(id: "${'y'.repeat(500)}") { id } }` })),
        );
        controller.close();
      },
    });
    const response = await fetch(`${small.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('with introspection off, answers an introspection query with a validation error', async () => {
    const production = await serve({}, { introspection: false });
    const body = await (await query(production, '{ __schema { queryType { name } } }')).json();
    expect(body.data).toBeNull();
    expect(body.errors[0].message).toBe(
      "Validation error of type FieldUndefined: Field 'queryType' in type '__Schema' is undefined @ '__schema/queryType'",
    );
  });

  it('with introspection on, answers it', async () => {
    const body = await (await query(server, '{ __schema { queryType { name } } }')).json();
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses a request whose root fields pass the resolver count limit before running any', async () => {
    const logged: string[] = [];
    const limited = await serve({ onResolverLogs: (_, lines) => logged.push(...lines) }, { resolverCountLimit: 1 });
    const body = await (await query(limited, '{ a: post(id: "1") { id } b: post(id: "2") { id } }')).json();
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ path: null, errorType: 'ResolverExecutionLimitReached' })]);
    expect(logged).toEqual([]);
  });
});

describe('the explorer', () => {
  it('serves a GraphiQL page preconfigured with the endpoint, the API key and a query every schema answers', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('GraphiQL.createFetcher');
    expect(html).toContain('"/graphql"');
    expect(html).toContain(`"x-api-key":"${API_KEY}"`);
    expect(html).toContain('__typename');
    expect(html).toContain('<title>GraphQL explorer</title>');
  });

  it("shows the app's title, escaped, and opens with the app's query", async () => {
    const blog = await serve({ explorer: { title: 'Blog <API>', defaultQuery: '{ getPost(id: "p1") { title } }' } });
    const html = await (await fetch(`${blog.url}/`)).text();
    expect(html).toContain('<title>Blog &lt;API&gt;</title>');
    expect(html).toContain('defaultQuery: "{ getPost(id: \\"p1\\") { title } }"');
  });

  it('loads every script and style from this server, none from elsewhere', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(references).toHaveLength(5);
    for (const reference of references) {
      expect(reference.startsWith('/explorer/')).toBe(true);
      const asset = await fetch(`${server.url}${reference}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves the installed packages themselves', async () => {
    const response = await fetch(`${server.url}/explorer/graphiql.min.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toContain('createFetcher');
  });

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${server.url}/explorer/../package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
  });
});

describe('the listener', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
  });
});
