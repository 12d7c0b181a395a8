import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, postGraphQLOverTls, selfSignedCertificate, startTestApi, type TestApi } from './test-support.ts';

// With `tls`, the server answers https:// and wss://, the scheme Amplify JS
// always uses for the real-time endpoint (it turns http:// into wss://).

let test: TestApi;
let ca: string;

beforeAll(async () => {
  const tls = await selfSignedCertificate();
  ca = tls.cert;
  test = await startTestApi({ tls });
});

afterAll(async () => {
  await test.stop();
});

describe('real-time-websocket-client over wss://', () => {
  it('serves https:// and wss:// on one port, and fans a mutation out to a wss subscriber', async () => {
    expect(test.api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(test.api.realtimeUrl).toBe(`${test.api.url.replace('https:', 'wss:')}/graphql/realtime`);
    const header = Buffer.from(JSON.stringify({ host: new URL(test.api.url).host, 'x-api-key': API_KEY })).toString('base64url');
    const socket = new WebSocket(test.api.realtimeUrl, ['graphql-ws', `header-${header}`], { ca });
    const messages: Record<string, unknown>[] = [];
    const received = (type: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const check = () => {
          const found = messages.find((message) => message.type === type);
          return found ? resolve(found) : setTimeout(check, 10);
        };
        check();
      });
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await received('connection_ack');
    const data = JSON.stringify({ query: 'subscription { onItem(id: "t1") { title } }', variables: {} });
    socket.send(JSON.stringify({ id: 'tls', type: 'start', payload: { data, extensions: { authorization: { 'x-api-key': API_KEY } } } }));
    await received('start_ack');
    expect(await postGraphQLOverTls(test.api.url, ca, 'mutation { putItem(id: "t1", title: "secure") { id title } }')).toEqual({ data: { putItem: { id: 't1', title: 'secure' } } });
    expect(await received('data')).toEqual({ type: 'data', id: 'tls', payload: { data: { onItem: { title: 'secure' } } } });
    socket.close();
  });
});
