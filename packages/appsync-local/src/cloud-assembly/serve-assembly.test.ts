import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDynamoDBEndpoint, testDynamoDBClient, uniqueTableName } from '../dynamodb/test-support.ts';
import { serveCloudAssembly, type ServedAssembly } from './serve-assembly.ts';

// The all-features assembly (test-fixtures/all-features/app.ts) served
// in-process on the shared DynamoDB Local, under table names of this file's
// own, through GraphQL over HTTP as a client would.

const FIXTURE = fileURLToPath(new URL('../test-fixtures/all-features/cdk.out', import.meta.url));
const API_KEY = 'da2-local-postskey6b420a50';
const workDir = mkdtempSync(join(tmpdir(), 'serve-assembly-'));
const assembly = join(workDir, 'cdk.out');
const seedFile = join(workDir, 'posts.json');
const prefix = `${uniqueTableName('t')}-`;
const client = testDynamoDBClient();
let served: ServedAssembly;
const logs: string[] = [];

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${served.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

beforeAll(async () => {
  // a copy, which the watch test rewrites as a new `cdk synth` would
  cpSync(FIXTURE, assembly, { recursive: true });
  writeFileSync(seedFile, JSON.stringify([{ author: 'ada', createdAt: '2026-01-01', title: 'Seeded', tags: ['a'], views: 3 }]));
  served = await serveCloudAssembly({
    directory: assembly,
    api: 'posts',
    dynamodbEndpoint: sharedDynamoDBEndpoint(),
    tableNamePrefix: prefix,
    seeds: [{ table: 'Posts868B3EAD', file: seedFile }],
    watch: true,
    log: (line) => logs.push(line),
  });
});

afterAll(async () => {
  await served?.close();
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
