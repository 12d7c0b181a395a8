import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, postGraphQL, RealtimeClient, startTestApi, type TestApi } from './test-support.ts';

// The protocol of "Building a real-time WebSocket client in AWS AppSync",
// message by message, with a real WebSocket client (`ws`).
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html

const ON_ITEM = 'subscription OnItem($id: ID) { onItem(id: $id) { id title } }';
const PUT_ITEM = 'mutation Put($id: ID!, $title: String) { putItem(id: $id, title: $title) { id title } }';

let test: TestApi;

beforeAll(async () => {
  test = await startTestApi({ realtime: { keepAliveIntervalMs: 50, connectionInitTimeoutMs: 300 } });
});

afterAll(async () => {
  await test.stop();
});

describe('real-time-websocket-client: handshake', () => {
  it('answers connection_init with connection_ack carrying connectionTimeoutMs, then ka', async () => {
    const client = await RealtimeClient.open(test.api);
    expect(client.socket.protocol).toBe('graphql-ws');
    client.send({ type: 'connection_init' });
    expect(await client.next('connection_ack')).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    expect(await client.next('ka')).toEqual({ type: 'ka' });
    await client.close();
  });

  it('sends ka again every keepAliveIntervalMs', async () => {
    const client = await RealtimeClient.connect(test.api);
    await client.next('ka');
    await client.next('ka');
    await client.next('ka');
    await client.close();
  });

  it('accepts the credentials in a header-<base64url> subprotocol, as Amplify JS v6 sends them', async () => {
    const client = await RealtimeClient.open(test.api, { host: new URL(test.api.url).host, 'x-api-key': API_KEY }, 'subprotocol');
    expect(client.socket.protocol).toBe('graphql-ws');
    client.send({ type: 'connection_init' });
    expect((await client.next(['connection_ack', 'connection_error'])).type).toBe('connection_ack');
    await client.close();
  });

  it('accepts a user pool token in the Authorization header of the handshake', async () => {
    const token = await test.idToken('alice');
    const client = await RealtimeClient.open(test.api, { host: 'localhost', Authorization: token }, 'subprotocol');
    client.send({ type: 'connection_init' });
    expect((await client.next(['connection_ack', 'connection_error'])).type).toBe('connection_ack');
    await client.close();
  });

  it.each([
    ['a wrong API key', { host: 'localhost', 'x-api-key': 'da2-wrong' }, 'You are not authorized to make this call.'],
    ['no credential at all', { host: 'localhost' }, 'Valid authorization header not provided.'],
    ['a token that is not a JWT', { host: 'localhost', Authorization: 'not-a-token' }, 'Unable to parse JWT token.'],
  ])('refuses %s with connection_error (errorCode 401) and closes', async (_, authorization, message) => {
    const client = await RealtimeClient.open(test.api, authorization);
    client.send({ type: 'connection_init' });
    expect(await client.next('connection_error')).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message, errorCode: 401 }] },
    });
    await client.closed;
  });

  it('refuses a handshake without a readable header parameter', async () => {
    const socket = new WebSocket(`${test.api.realtimeUrl}?header=not-base64-json&payload=e30=`, ['graphql-ws']);
    const messages: string[] = [];
    socket.on('message', (data) => messages.push(data.toString()));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(JSON.parse(messages[0])).toMatchObject({ type: 'connection_error', payload: { errors: [{ errorType: 'UnauthorizedException' }] } });
  });

  it('refuses an upgrade without the graphql-ws subprotocol (400) and one on another path (404)', async () => {
    const statusOf = (url: string, protocols: string[]) =>
      new Promise<number | undefined>((resolve) => {
        const socket = new WebSocket(url, protocols);
        socket.on('unexpected-response', (_request, response) => {
          resolve(response.statusCode);
          socket.terminate();
        });
        socket.on('open', () => resolve(101));
        socket.on('error', () => undefined);
      });
    expect(await statusOf(test.api.realtimeUrl, ['graphql-transport-ws'])).toBe(400);
    expect(await statusOf(test.api.realtimeUrl.replace('/graphql/realtime', '/graphql/other'), ['graphql-ws'])).toBe(404);
  });

  it('closes a connection that sends neither connection_init nor start within connectionInitTimeoutMs', async () => {
    const client = await RealtimeClient.open(test.api);
    expect(await client.closed).toBe(4408);
  });
});

describe('real-time-websocket-client: subscriptions', () => {
  it('start → start_ack; a mutation → data; stop → complete, after which nothing more is sent', async () => {
    const client = await RealtimeClient.connect(test.api);
    expect(await client.start('sub-1', ON_ITEM, { id: '1' })).toEqual({ type: 'start_ack', id: 'sub-1' });
    await postGraphQL(test.api, PUT_ITEM, { id: '1', title: 'first' });
    expect(await client.next('data', 'sub-1')).toEqual({
      type: 'data',
      id: 'sub-1',
      payload: { data: { onItem: { id: '1', title: 'first' } } },
    });
    client.send({ type: 'stop', id: 'sub-1' });
    expect(await client.next('complete', 'sub-1')).toEqual({ type: 'complete', id: 'sub-1' });
    await client.start('sub-2', ON_ITEM, { id: '1' });
    await postGraphQL(test.api, PUT_ITEM, { id: '1', title: 'second' });
    // messages arrive in order: once sub-2 has the second item, sub-1 would have it too
    await client.next('data', 'sub-2');
    expect(client.dataFor('sub-1')).toHaveLength(1);
    await client.close();
  });

  it('accepts start without connection_init (the page calls connection_init optional)', async () => {
    const client = await RealtimeClient.open(test.api);
    expect((await client.start('sub-early', ON_ITEM)).type).toBe('start_ack');
    await client.close();
  });

  it('carries several subscriptions on one connection', async () => {
    const client = await RealtimeClient.connect(test.api);
    await client.start('a', ON_ITEM, { id: 'x' });
    await client.start('b', ON_ITEM, { id: 'y' });
    await postGraphQL(test.api, PUT_ITEM, { id: 'y', title: 'why' });
    expect((await client.next('data', 'b')).payload).toEqual({ data: { onItem: { id: 'y', title: 'why' } } });
    expect(client.dataFor('a')).toEqual([]);
    await client.close();
  });

  it('refuses a second start with an id already running (DuplicatedOperationError)', async () => {
    const client = await RealtimeClient.connect(test.api);
    await client.start('same', ON_ITEM);
    expect(await client.start('same', ON_ITEM)).toMatchObject({
      type: 'error',
      id: 'same',
      payload: { errors: [{ errorType: 'DuplicatedOperationError' }] },
    });
    await client.close();
  });

  it('refuses start past maxSubscriptionsPerConnection', async () => {
    const limited = await startTestApi({ realtime: { maxSubscriptionsPerConnection: 2 } }, test.pool);
    const client = await RealtimeClient.connect(limited.api);
    await client.start('1', ON_ITEM);
    await client.start('2', ON_ITEM);
    expect(await client.start('3', ON_ITEM)).toMatchObject({ type: 'error', payload: { errors: [{ errorType: 'MaxSubscriptionsReachedError' }] } });
    await client.close();
    await limited.stop();
  });
});

describe('real-time-websocket-client: refused starts', () => {
  it('refuses a start without credentials, or with a wrong key, with UnauthorizedException', async () => {
    const client = await RealtimeClient.connect(test.api);
    expect(await client.start('none', ON_ITEM, {}, {})).toEqual({
      type: 'error',
      id: 'none',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 }] },
    });
    expect(await client.start('bad', ON_ITEM, {}, { 'x-api-key': 'da2-wrong' })).toMatchObject({
      type: 'error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
    });
    await client.close();
  });

  it('refuses a subscription field that does not exist, with the validation error the HTTP endpoint gives', async () => {
    const client = await RealtimeClient.connect(test.api);
    const refused = await client.start('unknown', 'subscription { onNothing { id } }');
    expect(refused).toMatchObject({ type: 'error', id: 'unknown' });
    expect(JSON.stringify(refused.payload)).toContain("Validation error of type FieldUndefined: Field 'onNothing' in type 'Subscription' is undefined");
    await client.close();
  });

  it('refuses a query that does not parse', async () => {
    const client = await RealtimeClient.connect(test.api);
    const refused = await client.start('syntax', 'subscription { onItem {');
    expect(JSON.stringify(refused.payload)).toContain('Invalid Syntax');
    await client.close();
  });

  it('refuses queries and mutations: "<operation> not supported through the realtime channel", without running them', async () => {
    const client = await RealtimeClient.connect(test.api);
    const watcher = await RealtimeClient.connect(test.api);
    await watcher.start('w', ON_ITEM);
    expect(await client.start('m', 'mutation { putItem(id: "m") { id } }')).toEqual({
      type: 'error',
      id: 'm',
      payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'mutation not supported through the realtime channel' }] },
    });
    expect((await client.start('q', '{ __typename }')).payload).toEqual({
      errors: [{ errorType: 'UnsupportedOperation', message: 'query not supported through the realtime channel' }],
    });
    await postGraphQL(test.api, PUT_ITEM, { id: 'after', title: 'x' });
    expect((await watcher.next('data', 'w')).payload).toEqual({ data: { onItem: { id: 'after', title: 'x' } } });
    await client.close();
    await watcher.close();
  });

  it("refuses the subscription with its resolver's error (util.error in the subscription resolver)", async () => {
    const client = await RealtimeClient.connect(test.api);
    const refused = await client.start('refused', 'subscription { onRefused { id } }');
    expect(refused).toMatchObject({
      type: 'error',
      id: 'refused',
      payload: { errors: [{ errorType: 'Forbidden', message: 'You may not subscribe to this', path: ['onRefused'] }] },
    });
    await client.close();
  });

  it('refuses a field the caller may not subscribe to (Unauthorized, as over HTTP)', async () => {
    const client = await RealtimeClient.connect(test.api);
    const refused = await client.start('mine', 'subscription { onMine { id } }');
    expect(refused).toMatchObject({
      type: 'error',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onMine on type Subscription' }] },
    });
    await client.close();
  });
});

describe('real-time-websocket-client: abuse', () => {
  it('answers malformed JSON, unknown types and starts without an id with an error, and goes on serving', async () => {
    const client = await RealtimeClient.connect(test.api);
    client.send('{not json');
    expect(await client.next('error')).toEqual({
      type: 'error',
      payload: { errors: [{ errorType: 'MalformedMessage', message: 'The message is not valid JSON.' }] },
    });
    client.send({ type: 'subscribe', id: 'x' });
    expect(await client.next('error', 'x')).toEqual({
      type: 'error',
      id: 'x',
      payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'subscribe not supported through the realtime channel' }] },
    });
    client.send({ type: 'start', payload: {} });
    expect((await client.next('error')).payload).toEqual({
      errors: [{ errorType: 'MalformedMessage', message: 'A start or stop message needs a string id.' }],
    });
    expect((await client.start('no-data', ON_ITEM.replace('onItem', 'onItem'), {}, { 'x-api-key': API_KEY })).type).toBe('start_ack');
    client.send({ id: 'bad-payload', type: 'start', payload: { data: 'not json' } });
    expect((await client.next('error', 'bad-payload')).payload).toMatchObject({ errors: [{ errorType: 'MalformedMessage' }] });
    await client.close();
  });

  it('refuses an oversized message with an error, keeps the connection, and closes one past the hard cap', async () => {
    const small = await startTestApi({ realtime: { maxMessageBytes: 1024 } }, test.pool);
    const client = await RealtimeClient.connect(small.api);
    client.send({ type: 'start', id: 'big', payload: { data: 'x'.repeat(2000) } });
    expect(await client.next('error')).toEqual({
      type: 'error',
      payload: { errors: [{ errorType: 'MessageTooLarge', message: 'The message is larger than 1024 bytes.' }] },
    });
    expect((await client.start('fine', ON_ITEM)).type).toBe('start_ack');
    client.send('x'.repeat(5 * 1024 * 1024));
    expect(await client.closed).toBe(1009);
    const next = await RealtimeClient.connect(small.api);
    expect((await next.start('after', ON_ITEM)).type).toBe('start_ack');
    await next.close();
    await small.stop();
  });

  it('closes every connection when the server stops (1001)', async () => {
    const other = await startTestApi({}, test.pool);
    const client = await RealtimeClient.connect(other.api);
    await client.start('s', ON_ITEM);
    expect(other.api.realtimeStats()).toEqual({ connections: 1, subscriptions: 1 });
    await other.stop();
    expect(await client.closed).toBe(1001);
  });
});
