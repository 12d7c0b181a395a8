import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLocalIamCredentials } from '../auth/local-iam-credentials.ts';
import { loadLocalUserPoolKeys } from '../auth/local-jwks.ts';
import { mintOidcToken } from '../auth/oidc-tokens.ts';
import { sharedDynamoDBEndpoint, testDynamoDBClient, uniqueTableName } from '../dynamodb/test-support.ts';
import { LOCAL_SIGNING_CREDENTIALS, signRequest } from '../http/sigv4-signer.ts';
import { startStandInEndpoint, verifySigV4, type StandInEndpoint } from '../http/test-support.ts';
import { RealtimeClient } from '../realtime/test-support.ts';
import { serveCloudAssembly, type ServedAssembly } from './serve-assembly.ts';
import { oidcKeyDirectory } from './serve-authorization.ts';

// The all-features assembly (test-fixtures/all-features/app.ts) served
// in-process on the shared DynamoDB Local, under table names of this file's
// own, through GraphQL over HTTP (and the real-time WebSocket) as a client
// would; its HTTP data source pointed at a stand-in on 127.0.0.1.

const FIXTURE = fileURLToPath(new URL('../test-fixtures/all-features/cdk.out', import.meta.url));
const TABLELESS_FIXTURE = fileURLToPath(new URL('../test-fixtures/auth-assembly', import.meta.url));
const API_KEY = 'da2-local-postskey6b420a50';
const workDir = mkdtempSync(join(tmpdir(), 'serve-assembly-'));
const assembly = join(workDir, 'cdk.out');
const seedFile = join(workDir, 'posts.json');
const authDir = join(workDir, 'state', 'auth');
const prefix = `${uniqueTableName('t')}-`;
const client = await testDynamoDBClient();
let served: ServedAssembly;
let weather: StandInEndpoint;
const logs: string[] = [];

async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = { 'x-api-key': API_KEY }) {
  const response = await fetch(`${served.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; errorType?: string }[] };
}

/** `{ caller }`, open to every auth mode: the mode and identity its resolver saw */
async function caller(headers: Record<string, string>) {
  const { data, errors } = await graphql('{ caller }', {}, headers);
  return data?.caller ? JSON.parse(data.caller) : errors;
}

beforeAll(async () => {
  // a copy, which the watch test rewrites as a new `cdk synth` would
  cpSync(FIXTURE, assembly, { recursive: true });
  writeFileSync(seedFile, JSON.stringify([{ author: 'ada', createdAt: '2026-01-01', title: 'Seeded', tags: ['a'], views: 3 }]));
  weather = await startStandInEndpoint((request) => ({
    status: 200,
    body: JSON.stringify({
      city: new URL(request.url, weather.url).searchParams.get('city'),
      summary: 'sunny',
      signed: verifySigV4(request, LOCAL_SIGNING_CREDENTIALS),
    }),
  }));
  served = await serveCloudAssembly({
    directory: assembly,
    api: 'posts',
    httpEndpoints: [`weather=${weather.url}`],
    stateDir: join(workDir, 'state'),
    dynamodbEndpoint: await sharedDynamoDBEndpoint(),
    tableNamePrefix: prefix,
    seeds: [{ table: 'Posts868B3EAD', file: seedFile }],
    watch: true,
    log: (line) => logs.push(line),
  });
});

afterAll(async () => {
  await served?.close();
  await weather?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('appsync-local serve on the all-features assembly', () => {
  it("creates the nested stack's table with its local and global indexes, projections and TTL", async () => {
    const tableName = served.tableNames.Posts868B3EAD;
    expect(tableName).toBe(`${prefix}Beta-Api-posts`);
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(table?.LocalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection])).toEqual([
      ['byTitle', { ProjectionType: 'ALL' }],
    ]);
    expect(Object.fromEntries(table!.GlobalSecondaryIndexes!.map((index) => [index.IndexName, index.Projection]))).toEqual({
      titles: { ProjectionType: 'KEYS_ONLY' },
      byDay: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title'] },
    });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('runs a pipeline and unit resolvers from S3 assets, querying the local secondary index', async () => {
    const added = await graphql('mutation { addPost(author: "ada", createdAt: "2026-02-01", title: "Another") { title } }');
    expect(added).toEqual({ data: { addPost: { title: 'Another' } } });
    const byTitle = await graphql('{ postsByTitle(author: "ada") { title createdAt } }');
    expect(byTitle.data?.postsByTitle).toEqual([
      { title: 'Another', createdAt: '2026-02-01' },
      { title: 'Seeded', createdAt: '2026-01-01' },
    ]);
  });

  it('loads --seed items, given in plain JSON, into the table named by its logical id', async () => {
    expect(await graphql('{ getPost(author: "ada", createdAt: "2026-01-01") { title } }')).toEqual({
      data: { getPost: { title: 'Seeded' } },
    });
  });

  it('reaches the GlobalTable another stack exports, and gives ctx.env with local table names', async () => {
    expect(await graphql('mutation { addNote(id: "n1", text: "hi") { id text } }')).toEqual({
      data: { addNote: { id: 'n1', text: 'hi' } },
    });
    expect(await graphql('{ note(id: "n1") { text } }')).toEqual({ data: { note: { text: 'hi' } } });
    expect(JSON.parse((await graphql('{ env }')).data!.env)).toEqual({
      POSTS_TABLE: `${prefix}Beta-Api-posts`,
      GREETING: 'hello from Shared',
      FLAVOUR: 'beta flavour',
    });
  });
});

describe('its Lambda, HTTP and EventBridge data sources', () => {
  it("runs the Node.js Lambda function's handler from its asset, with its environment", async () => {
    expect(await graphql('{ wordCount(text: "one two  three") }')).toEqual({ data: { wordCount: '3 words, counted by words' } });
  });

  it('sends the HTTP data source to the --http-endpoint URL, SigV4-signed with the local signing credentials', async () => {
    expect(await graphql('{ forecast(city: "Lyon") { city summary signed } }')).toEqual({
      data: { forecast: { city: 'Lyon', summary: 'sunny', signed: true } },
    });
  });

  it("logs the event put on the EventBridge bus with the bus's name, and answers its EventId", async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const { data } = await graphql('mutation { announcePost(author: "ada", title: "Hi") }');
      expect(logged).toHaveBeenCalledWith(`EventBridge posts: posts PostAnnounced {"author":"ada","title":"Hi"} (EventId ${data!.announcePost})`);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('its auth modes: API key by default, IAM, OIDC and a Lambda authorizer as additional modes', () => {
  it('admits the API key, and keeps fields without a directive to the default mode', async () => {
    expect(await caller({ 'x-api-key': API_KEY })).toEqual({ authType: 'API Key Authorization', identity: null });
    expect((await graphql('{ env }', {}, { authorization: 'allow-bob' })).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
  });

  it('admits a request SigV4-signed with the local IAM credentials', async () => {
    const credentials = await loadLocalIamCredentials(authDir);
    const body = JSON.stringify({ query: '{ caller }' });
    const url = new URL(`${served.url}/graphql`);
    const { host: _host, ...headers } = await signRequest(
      { method: 'POST', url, headers: { 'content-type': 'application/json' }, body },
      { region: 'eu-west-1', service: 'appsync', credentials },
    );
    const { data } = await (await fetch(url, { method: 'POST', headers, body })).json();
    expect(JSON.parse(data.caller)).toMatchObject({
      authType: 'IAM Authorization',
      identity: { accountId: '000000000000', userArn: 'arn:aws:iam::000000000000:user/appsync-local' },
    });
  });

  it("admits a token of the local OIDC issuer claiming the template's issuer and client id", async () => {
    const keys = await loadLocalUserPoolKeys({ directory: oidcKeyDirectory(authDir) });
    const token = await mintOidcToken(keys, { issuer: 'https://login.example.com/', subject: 'grace', audience: 'posts-web' });
    expect(await caller({ authorization: token })).toMatchObject({
      authType: 'Open ID Connect Authorization',
      identity: { sub: 'grace', issuer: 'https://login.example.com/' },
    });
  });

  it("runs the Lambda authorizer from its asset, after the template's IdentityValidationExpression", async () => {
    expect(await caller({ authorization: 'allow-bob' })).toEqual({ authType: 'Lambda Authorization', identity: { resolverContext: { name: 'bob' } } });
    expect(await caller({ authorization: 'deny-bob' })).toEqual([expect.objectContaining({ errorType: 'UnauthorizedException' })]);
  });
});

describe('its subscription', () => {
  it('delivers what addPost returns to a subscriber on the real-time endpoint', async () => {
    const subscriber = await RealtimeClient.connect(served, { host: new URL(served.url).host, 'x-api-key': API_KEY });
    try {
      const started = await subscriber.start('1', 'subscription { onPostAdded(author: "grace") { author title } }', {}, { 'x-api-key': API_KEY });
      expect(started.type).toBe('start_ack');
      await graphql('mutation { addPost(author: "grace", createdAt: "2026-03-01", title: "Live") { author createdAt title } }');
      expect(await subscriber.next('data', '1')).toEqual({ type: 'data', id: '1', payload: { data: { onPostAdded: { author: 'grace', title: 'Live' } } } });
    } finally {
      await subscriber.close();
    }
  });
});

describe('appsync-local serve --watch', () => {
  it('with watch, serves the new assembly once cdk synth rewrites manifest.json, on the same port, keeping the data', async () => {
    const url = served.url;
    const templateFile = join(assembly, 'assembly-Beta', 'BetaApi88685871.template.json');
    const template = readFileSync(templateFile, 'utf8');
    writeFileSync(templateFile, template.replace('return JSON.stringify(ctx.env);', 'return \\"rebuilt\\";'));
    writeFileSync(join(assembly, 'manifest.json'), readFileSync(join(assembly, 'manifest.json')));
    const deadline = Date.now() + 10_000;
    // AWSJSON: the string "rebuilt", as JSON
    while ((await graphql('{ env }').catch(() => ({ data: undefined }))).data?.env !== '"rebuilt"') {
      expect(Date.now(), logs.join('\n')).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(served.url).toBe(url);
    expect(await graphql('{ note(id: "n1") { text } }')).toEqual({ data: { note: { text: 'hi' } } });
  });
});

describe('an API without tables', () => {
  it('is served without DynamoDB, which a reload that brings a table then reaches', async () => {
    const directory = join(workDir, 'tableless');
    cpSync(TABLELESS_FIXTURE, directory, { recursive: true });
    const endpointCalls: string[] = [];
    const tableless = await serveCloudAssembly({
      directory,
      dynamodbEndpoint: async () => {
        endpointCalls.push('called');
        return sharedDynamoDBEndpoint();
      },
      tableNamePrefix: prefix,
      stateDir: join(workDir, 'state'),
    });
    try {
      expect(endpointCalls).toEqual([]);
      const templateFile = join(directory, 'Secure.template.json');
      const template = JSON.parse(readFileSync(templateFile, 'utf8'));
      template.Resources.ItemsTable = {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
      };
      template.Resources.ItemsSource = {
        Type: 'AWS::AppSync::DataSource',
        Properties: {
          ApiId: { 'Fn::GetAtt': ['SecureApi', 'ApiId'] },
          Name: 'items',
          Type: 'AMAZON_DYNAMODB',
          DynamoDBConfig: { TableName: { Ref: 'ItemsTable' }, AwsRegion: 'us-east-1' },
        },
      };
      writeFileSync(templateFile, JSON.stringify(template));
      await tableless.reload();
      expect(endpointCalls).toEqual(['called']);
      const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableless.tableNames.ItemsTable }));
      expect(table?.TableName).toBe(`${prefix}Secure-ItemsTable`);
    } finally {
      await tableless.close();
    }
  });
});
