import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from './auth/test-support.ts';
import { testDynamoDBClient, uniqueTableName, postsTable } from './dynamodb/test-support.ts';
import {
  LOCAL_USER_POOL,
  loadResolverDefinitions,
  mintIdToken,
  startAppSyncApi,
  type AppSyncApi,
  type AppSyncApiOptions,
} from './index.ts';
import { bundleTypeScript } from './runtime/bundle-typescript.ts';

// A small blog API served through the package's public API alone, as an app
// other than the Events API would serve its own.

const SCHEMA = /* GraphQL */ `
  type Post @aws_api_key @aws_cognito_user_pools {
    id: ID!
    title: String
  }
  type Query {
    getPost(id: ID!): Post
    whoAmI: String @aws_cognito_user_pools
  }
`;

const WHO_AM_I = `export function request(ctx) { return { payload: ctx.identity.username }; }
export function response(ctx) { return ctx.result; }
`;

const API_KEY = 'da2-blog-key';
const client = await testDynamoDBClient();
const tableName = uniqueTableName('posts');
const bundleDir = mkdtempSync(join(tmpdir(), 'blog-bundles-'));
let pool: TemporaryUserPoolKeys;
let api: AppSyncApi;

function blogOptions(overrides: Partial<AppSyncApiOptions> = {}): AppSyncApiOptions {
  return {
    schema: SCHEMA,
    resolvers: () =>
      loadResolverDefinitions(
        [
          { kind: 'UNIT', typeName: 'Query', fieldName: 'getPost', dataSource: 'posts', codeFile: 'Query.getPost.js' },
          { kind: 'UNIT', typeName: 'Query', fieldName: 'whoAmI', dataSource: 'NONE', codeFile: 'Query.whoAmI.js' },
        ],
        [],
        { root: bundleDir },
      ),
    dataSources: [{ type: 'AMAZON_DYNAMODB', name: 'posts', client, table: postsTable, tableName }],
    authorization: {
      default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] },
      additional: [{ type: 'AMAZON_COGNITO_USER_POOLS', userPool: LOCAL_USER_POOL, jwks: pool.keys.jwks }],
    },
    ...overrides,
  };
}

async function graphql(query: string, headers: Record<string, string>) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  pool = await temporaryUserPoolKeys();
  const getPost = fileURLToPath(new URL('./test-fixtures/resolvers/Query.getPost.ts', import.meta.url));
  const bundle = await bundleTypeScript({ path: getPost }, 'Query.getPost.js', { root: bundleDir, define: { SERVICE: '"blog"' } });
  writeFileSync(join(bundleDir, 'Query.getPost.js'), bundle.code);
  writeFileSync(join(bundleDir, 'Query.whoAmI.js'), WHO_AM_I);
  api = await startAppSyncApi(blogOptions());
  await client.send(new PutItemCommand({ TableName: tableName, Item: { id: { S: 'p1' }, title: { S: 'Hello' } } }));
});

afterAll(async () => {
  await api?.close();
  await pool?.remove();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('startAppSyncApi', () => {
  it('creates the table and answers a query with an API key from DynamoDB', async () => {
    const { status, body } = await graphql('{ getPost(id: "p1") { id title } }', { 'x-api-key': API_KEY });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { getPost: { id: 'p1', title: 'Hello' } } });
  });

  it('admits a user pool token where the schema allows the pool, with its identity in ctx', async () => {
    const token = await mintIdToken(pool.keys, { username: 'ada' });
    expect((await graphql('{ whoAmI }', { authorization: token })).body).toEqual({ data: { whoAmI: 'ada' } });
    const byKey = await graphql('{ whoAmI }', { 'x-api-key': API_KEY });
    expect(byKey.body.errors[0]).toMatchObject({ errorType: 'Unauthorized' });
  });

  it('refuses a wrong API key with 401', async () => {
    expect((await graphql('{ getPost(id: "p1") { id } }', { 'x-api-key': 'da2-wrong' })).status).toBe(401);
  });

  it('refuses two modes of one type', async () => {
    const apiKey = { type: 'API_KEY', apiKeys: [] } as const;
    await expect(startAppSyncApi(blogOptions({ authorization: { default: apiKey, additional: [apiKey] } }))).rejects.toThrow(
      'API_KEY is given more than once',
    );
  });
});
