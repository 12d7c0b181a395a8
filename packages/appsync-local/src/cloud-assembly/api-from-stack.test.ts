import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiFromStack, appSyncApisOf } from './api-from-stack.ts';
import { loadCloudAssembly } from './load-assembly.ts';

// The synthesized all-features app (test-fixtures/all-features/app.ts): two
// APIs, one in a nested stack; the posts API's schema and most of its code
// are S3 assets, its tables come from a nested stack's outputs and another
// stack's exports.

const ASSEMBLY = fileURLToPath(new URL('../test-fixtures/all-features/cdk.out', import.meta.url));

describe('reading the APIs of a cloud assembly', () => {
  const assembly = loadCloudAssembly(ASSEMBLY);
  const apis = appSyncApisOf(assembly);
  const posts = apiFromStack(assembly, apis.find((api) => api.name === 'posts')!);

  it("finds every API, nested stacks' too", () => {
    expect(apis.map(({ name, logicalId, stack }) => [name, stack.name, logicalId])).toEqual([
      ['posts', 'Beta/Api', 'PostsApiB6037EEB'],
      ['status', 'Beta/Api/StatusNestedStackStatusNestedStackResource166884AB', 'StatusApi0D0AB574'],
    ]);
  });

  it('reads the schema from its S3 asset, and the code of resolvers and functions from assets or inline', () => {
    expect(posts.schema).toContain('postsByTitle(author: String!): [Post]');
    const code = (file: string) => readFileSync(file, 'utf8');
    const byField = Object.fromEntries(posts.resolvers.map((resolver) => [`${resolver.typeName}.${resolver.fieldName}`, resolver]));
    expect(Object.keys(byField).sort()).toEqual([
      'Mutation.addNote',
      'Mutation.addPost',
      'Mutation.announcePost',
      'Query.caller',
      'Query.env',
      'Query.forecast',
      'Query.getPost',
      'Query.note',
      'Query.postsByTitle',
      'Query.wordCount',
    ]);
    expect(code(byField['Query.postsByTitle'].codeFile)).toContain("index: 'byTitle'");
    expect(code(byField['Query.env'].codeFile)).toContain('JSON.stringify(ctx.env)');
    expect(byField['Mutation.addPost']).toMatchObject({ kind: 'PIPELINE', functions: ['putPost'] });
    expect(posts.functions).toEqual([{ name: 'putPost', dataSource: 'posts', codeFile: expect.any(String) }]);
    expect(code(posts.functions[0].codeFile)).toContain('put({ key: { author, createdAt }');
  });

  it("wires data sources to the nested stack's table and the imported GlobalTable, and reads ctx.env", () => {
    expect(posts.tables.map(({ dataSource, table }) => [dataSource, table.name])).toEqual([
      ['posts', 'Beta-Api-posts'],
      ['notes', 'Shared-Notes5BB3582F'],
    ]);
    expect(posts.noneDataSources).toEqual(['none']);
    expect(posts.localTables.map((table) => table.logicalId)).toEqual(['Posts868B3EAD', 'Notes5BB3582F']);
    expect(posts.environmentVariables).toEqual({
      POSTS_TABLE: 'Beta-Api-posts',
      GREETING: 'hello from Shared',
      FLAVOUR: 'beta flavour',
    });
  });

  it('reads the Lambda (asset code), SigV4-signed HTTP and EventBridge data sources', () => {
    expect(posts.serviceDataSources).toEqual([
      {
        type: 'AWS_LAMBDA',
        name: 'words',
        function: expect.objectContaining({
          codeDirectory: expect.stringMatching(/all-features\/cdk\.out\/asset\.[0-9a-f]{64}$/),
          handler: 'index.handler',
          runtime: 'nodejs22.x',
          environment: { COUNTED_BY: 'words' },
        }),
      },
      { type: 'HTTP', name: 'weather', endpoint: 'https://weather.example.com', signing: { region: 'eu-west-1', service: 'execute-api' } },
      { type: 'AMAZON_EVENTBRIDGE', name: 'bus', eventBusName: 'posts' },
    ]);
  });

  it('keeps only the API keys whose condition holds, reads the additional auth modes, and has nothing it does not emulate', () => {
    expect(posts.apiKeys).toEqual([{ key: 'da2-local-postskey6b420a50', expiresAt: undefined }]);
    expect([posts.defaultAuth, ...posts.additionalAuth]).toEqual(['API_KEY', 'AWS_IAM', 'OPENID_CONNECT', 'AWS_LAMBDA']);
    expect(posts.oidc).toEqual({ issuer: 'https://login.example.com/', clientId: 'posts-web' });
    expect(posts.lambdaAuthorizer).toMatchObject({ identityValidationExpression: '^allow-.+', function: { handler: 'index.handler' } });
    expect(posts.unsupported).toEqual([]);
  });

  it('reads an API of a nested stack, with inline code', () => {
    const status = apiFromStack(assembly, apis[1]);
    expect(status.schema).toContain('status: String');
    expect(status.resolvers).toEqual([
      { kind: 'UNIT', typeName: 'Query', fieldName: 'status', dataSource: 'none', codeFile: expect.any(String) },
    ]);
  });
});
