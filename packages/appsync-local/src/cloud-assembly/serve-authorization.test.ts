import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOf, seenByResolver } from '../auth/auth-test-api.ts';
import { signRequest } from '../http/sigv4-signer.ts';
import { loadResolverDefinitions } from '../resolver-definitions.ts';
import { startAppSyncApi, type AppSyncApi } from '../start-appsync-api.ts';
import { apiFromStack, appSyncApisOf, type StackApi } from './api-from-stack.ts';
import { loadCloudAssembly } from './load-assembly.ts';
import { servedAuthorization, type ServedAuthorization } from './serve-authorization.ts';
import { tokenCommand } from './token-command.ts';

// What `serve` does with a template's authorization modes, without DynamoDB:
// a hand-written assembly whose API has AWS_IAM as default mode and API_KEY,
// OPENID_CONNECT and AWS_LAMBDA (a Node.js function asset) as additional
// ones, served with the local credentials `serve` generates, called with
// what `appsync-local token` prints (its command, run in this process).

const ASSEMBLY = fileURLToPath(new URL('../test-fixtures/auth-assembly', import.meta.url));
const workDirectory = mkdtempSync(join(tmpdir(), 'serve-auth-'));
const authDirectory = join(workDirectory, '.appsync-local', 'auth');
let api: StackApi;
let served: ServedAuthorization;
let server: AppSyncApi;

beforeAll(async () => {
  const assembly = loadCloudAssembly(ASSEMBLY);
  api = apiFromStack(assembly, appSyncApisOf(assembly).find((found) => found.logicalId === 'SecureApi')!);
  served = await servedAuthorization(api, authDirectory);
  server = await startAppSyncApi({
    schema: api.schema,
    resolvers: () => loadResolverDefinitions(api.resolvers, api.functions),
    dataSources: api.noneDataSources.map((name) => ({ type: 'NONE', name })),
    authorization: served.config,
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(workDirectory, { recursive: true, force: true });
});

function post(query: string, headers: Record<string, string>) {
  return fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) }).then(answerOf);
}

describe('serve: the authorization modes of a template', () => {
  it('reads the OIDC provider and the Lambda authorizer from the template', () => {
    expect(api.unsupported).toEqual([]);
    expect([api.defaultAuth, ...api.additionalAuth]).toEqual(['AWS_IAM', 'API_KEY', 'OPENID_CONNECT', 'AWS_LAMBDA']);
    expect(api.oidc).toEqual({ issuer: 'https://auth.example.com/', clientId: 'web-app', iatTtlMs: 3_600_000, authTtlMs: 7_200_000 });
    expect(api.lambdaAuthorizer).toMatchObject({
      resultTtlSeconds: 60,
      identityValidationExpression: 'allow-.*|deny',
      function: { handler: 'index.handler', environment: { STAGE: 'local' } },
    });
  });

  it('names the local credentials in the banner, as kept in .appsync-local/auth', () => {
    const keys = JSON.parse(readFileSync(join(authDirectory, 'iam-credentials.json'), 'utf8'));
    expect(served.banner(server.url)).toEqual([
      expect.stringMatching(new RegExp(`^IAM access key {4}${keys.accessKeyId} \\(secret ${keys.secretAccessKey.replace(/[+/]/g, '\\$&')};`)),
      'API key           da2-local-securekey',
      `OIDC issuer       https://auth.example.com/ (discovery ${server.url}/oidc/.well-known/openid-configuration)`,
      expect.stringMatching(/^Lambda authorizer AuthorizerFunction$/),
    ]);
  });

  it('admits requests signed with those IAM credentials, to the default mode’s fields too', async () => {
    const keys = JSON.parse(readFileSync(join(authDirectory, 'iam-credentials.json'), 'utf8'));
    const body = JSON.stringify({ query: '{ internal whoAmI }' });
    const { host: _host, ...headers } = await signRequest(
      { method: 'POST', url: new URL(`${server.url}/graphql`), headers: { 'content-type': 'application/json' }, body },
      { region: 'us-east-1', service: 'appsync', credentials: keys },
    );
    const answer = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body }).then(answerOf);
    expect(answer.body.data?.internal).toBe('internal');
    expect(seenByResolver(answer).identity).toMatchObject({ accountId: '000000000000', userArn: 'arn:aws:iam::000000000000:user/appsync-local' });
  });

  it('admits the OIDC token `appsync-local token --oidc` prints, to its directed fields only', async () => {
    const printed: string[] = [];
    const code = await tokenCommand(
      [ASSEMBLY, '--oidc', '--user', 'ada', '--claim', 'email=ada@example.com'],
      { log: (line) => printed.push(line), error: () => {} },
      workDirectory,
    );
    expect(code).toBe(0);
    const token = printed.at(-1)!;
    const answer = await post('{ whoAmI internal }', { authorization: token });
    expect(seenByResolver(answer)).toMatchObject({
      authType: 'Open ID Connect Authorization',
      identity: { sub: 'ada', issuer: 'https://auth.example.com/', claims: { aud: 'web-app', email: 'ada@example.com' } },
    });
    expect(answer.body.errors?.[0].message).toBe('Not Authorized to access internal on type Query');
  });

  it("runs the template's Lambda authorizer from its asset, after its IdentityValidationExpression", async () => {
    const admitted = await post('{ whoAmI }', { authorization: 'allow-bob' });
    expect(seenByResolver(admitted).identity).toEqual({ resolverContext: { token: 'allow-bob', operation: null, stage: 'local' } });
    expect((await post('{ whoAmI }', { authorization: 'deny' })).status).toBe(401);
    expect((await post('{ whoAmI }', { authorization: 'other' })).status).toBe(401);
  });
});
