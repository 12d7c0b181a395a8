import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  const certificate = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  ca = certificate.cert;
  served = await serveCloudAssembly({
    directory: ASSEMBLY,
    dynamodbEndpoint: () => Promise.reject(new Error('an API without tables should need no DynamoDB')),
    stateDir,
    tls: { key: certificate.private, cert: certificate.cert },
  });
});

afterAll(async () => {
  await served?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

function postOverTls(query: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'x-api-key': API_KEY };
    const outgoing = request(`${served.url}/graphql`, { method: 'POST', ca, headers }, (incoming) => {
      let body = '';
      incoming.on('data', (chunk) => (body += chunk));
      incoming.on('end', () => resolve(JSON.parse(body)));
    });
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify({ query }));
  });
}

describe('serving a cloud assembly with tls', () => {
  it('answers https:// and names https:// URLs in the banner', async () => {
    expect(served.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(served.bannerLines).toContain(`OIDC issuer       https://auth.example.com/ (discovery ${served.url}/oidc/.well-known/openid-configuration)`);
    const answer = (await postOverTls('{ whoAmI }')) as { data: { whoAmI: string } };
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
