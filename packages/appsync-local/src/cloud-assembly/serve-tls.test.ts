import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQLOverTls, selfSignedCertificate } from '../realtime/test-support.ts';
import { serveCloudAssembly, type ServedAssembly } from './serve-assembly.ts';

// `serve --tls-cert FILE --tls-key FILE`: the assembly's API on https:// and
// wss:// (the scheme Amplify JS always opens for subscriptions), one port.
// The API has no tables: serving it needs no DynamoDB (the endpoint function
// fails the start if it is called).

const ASSEMBLY = fileURLToPath(new URL('../test-fixtures/auth-assembly', import.meta.url));
const API_KEY = 'da2-local-securekey';
const stateDir = mkdtempSync(join(tmpdir(), 'serve-tls-'));
let served: ServedAssembly;
let ca: string;

beforeAll(async () => {
  const tls = await selfSignedCertificate();
  ca = tls.cert;
  served = await serveCloudAssembly({
    directory: ASSEMBLY,
    dynamodbEndpoint: () => Promise.reject(new Error('an API without tables should need no DynamoDB')),
    stateDir,
    tls,
  });
});

afterAll(async () => {
  await served?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('serving a cloud assembly with tls', () => {
  it('answers https:// and names https:// URLs in the banner', async () => {
    expect(served.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(served.bannerLines).toContain(`OIDC issuer       https://auth.example.com/ (discovery ${served.url}/oidc/.well-known/openid-configuration)`);
    const answer = (await postGraphQLOverTls(served.url, ca, '{ whoAmI }', API_KEY)) as { data: { whoAmI: string } };
    expect(JSON.parse(answer.data.whoAmI)).toEqual({ authType: 'API Key Authorization', identity: null });
  });

  it('acknowledges a real-time connection over wss:// on the same port', async () => {
    expect(served.realtimeUrl).toBe(`${served.url.replace('https:', 'wss:')}/graphql/realtime`);
    const header = Buffer.from(JSON.stringify({ host: new URL(served.url).host, 'x-api-key': API_KEY })).toString('base64url');
    const socket = new WebSocket(served.realtimeUrl, ['graphql-ws', `header-${header}`], { ca });
    const acknowledged = new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await acknowledged).toMatchObject({ type: 'connection_ack' });
    socket.close();
  });
});
