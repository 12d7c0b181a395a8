import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mintIdToken } from 'appsync-local';
import { temporaryUserPoolKeys } from 'appsync-local/testing';
import { WebSocket, WebSocketServer } from 'ws';
import { EVENTS_USER_POOL, startEventsApi, type EventsApiOptions } from '../dev/events-api.ts';

// Section 5 of the benchmark: subscriptions. Subscribers are WebSocket
// clients speaking AppSync's real-time protocol to the local server, one
// connection each, subscribed to onEventChanged of one event; a signed-in
// client changes the event with updateEvent over HTTP.
// - latency: from the moment the mutation's HTTP response has arrived to the
//   moment each subscriber has the message (negative when the message came
//   first), p50 and p99 over every (mutation, subscriber) pair;
// - correctness: every subscriber must get every change of its event once, in
//   order, and nothing else, also when mutations of two events run at once;
// - memory: the process's RSS with 5,000 idle connections (server and clients
//   in this process, so both sides are counted).
// Baseline, same run: a plain `ws` server that, for a POST, writes the title
// with one UpdateItem of the SDK, answers, and sends the body to every
// connection: the same write and the same fan-out without GraphQL, resolvers,
// filters or authorization.

const API_KEY = 'da2-bench-key';

const UPDATE = `mutation ($eventId: ID!, $title: String!) {
  updateEvent(eventId: $eventId, input: { title: $title }) { eventId title status ownerId version previousStatus deletedAt }
}`;
const SUBSCRIBE = `subscription ($eventId: ID!) { onEventChanged(eventId: $eventId) { eventId title version } }`;

export interface SubscriptionBenchOptions {
  apiOptions: EventsApiOptions;
  subscriberCounts: number[];
  /** mutations per subscriber count, one after the other */
  mutations: number;
  /** mutations of two events sent at once, for the lost/wrong count */
  concurrentMutations: number;
  idleConnections: number;
}

interface Subscriber {
  /** arrival time (performance.now()) of each message, by title */
  arrivals: Map<string, number>;
  /** the messages in order, as `eventId title` */
  received: string[];
  close(): void;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function openSocket(url: string, protocols: string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket, type: string): Promise<Record<string, any>> {
  return new Promise((resolve) => {
    const listener = (data: Buffer) => {
      const message = JSON.parse(String(data));
      if (message.type === type) {
        socket.off('message', listener);
        resolve(message);
      }
    };
    socket.on('message', listener);
  });
}

/** A connection initialised with the API key, as AWS's real-time client page shows it. */
async function connect(realtimeUrl: string, host: string): Promise<{ socket: WebSocket; header: object }> {
  const header = { host, 'x-api-key': API_KEY };
  const encoded = Buffer.from(JSON.stringify(header)).toString('base64');
  const socket = await openSocket(`${realtimeUrl}?header=${encoded}&payload=e30=`, ['graphql-ws']);
  const ack = nextMessage(socket, 'connection_ack');
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await ack;
  return { socket, header };
}

async function subscriber(realtimeUrl: string, host: string, eventId: string): Promise<Subscriber> {
  const { socket, header } = await connect(realtimeUrl, host);
  const arrivals = new Map<string, number>();
  const received: string[] = [];
  socket.on('message', (data) => {
    const now = performance.now();
    const message = JSON.parse(String(data));
    if (message.type === 'data') {
      const change = message.payload.data.onEventChanged;
      arrivals.set(change.title, now);
      received.push(`${change.eventId} ${change.title}`);
    }
  });
  const started = nextMessage(socket, 'start_ack');
  const data = JSON.stringify({ query: SUBSCRIBE, variables: { eventId } });
  socket.send(JSON.stringify({ type: 'start', id: 'bench', payload: { data, extensions: { authorization: header } } }));
  await started;
  return { arrivals, received, close: () => socket.close() };
}

/** Resolves when every subscriber has `count` messages, or after `timeoutMs`. */
async function settled(subscribers: Subscriber[], count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && subscribers.some((s) => s.received.length < count)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function post(url: string, headers: Record<string, string>, body: object): Promise<unknown> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(
    (response) => response.json(),
  );
}

/** The baseline: POST /publish writes the title, answers, then sends its body to every connection. */
async function startBaseline(dynamodb: DynamoDBClient, tableName: string): Promise<{ url: string; realtimeUrl: string; close(): Promise<void> }> {
  const sockets = new WebSocketServer({ noServer: true });
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      const change = JSON.parse(body);
      await dynamodb.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: { eventId: { S: change.eventId } },
          UpdateExpression: 'SET title = :title',
          ExpressionAttributeValues: { ':title': { S: change.title } },
        }),
      );
      response.end('{}');
      for (const client of sockets.clients) {
        client.send(body);
      }
    });
  });
  server.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head, () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/publish`,
    realtimeUrl: `ws://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        for (const client of sockets.clients) {
          client.terminate();
        }
        server.close(() => resolve());
      }),
  };
}

async function baselineSubscriber(realtimeUrl: string): Promise<Subscriber> {
  const socket = await openSocket(realtimeUrl, []);
  const arrivals = new Map<string, number>();
  const received: string[] = [];
  socket.on('message', (data) => {
    const now = performance.now();
    const change = JSON.parse(String(data));
    arrivals.set(change.title, now);
    received.push(`${change.eventId} ${change.title}`);
  });
  return { arrivals, received, close: () => socket.close() };
}

/**
 * Delivery latencies (ms) of `mutations` changes, sent one after the other, to
 * every subscriber: from the mutation's HTTP response, and from its request.
 */
async function deliveryLatencies(subscribers: Subscriber[], mutations: number, mutate: (title: string) => Promise<unknown>) {
  const fromResponse: number[] = [];
  const fromRequest: number[] = [];
  for (let index = 0; index < mutations; index += 1) {
    const title = `change ${index}`;
    const sent = performance.now();
    await mutate(title);
    const answered = performance.now();
    await settled(subscribers, index + 1);
    for (const s of subscribers) {
      const arrival = s.arrivals.get(title);
      if (arrival !== undefined) {
        fromResponse.push(arrival - answered);
        fromRequest.push(arrival - sent);
      }
    }
  }
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  return { fromResponse: sorted(fromResponse), fromRequest: sorted(fromRequest) };
}

const ms = (value: number) => Number(value.toFixed(2));

function lostAndWrong(subscribers: Subscriber[], expected: (index: number) => string[]): { lost: number; wrong: number } {
  let lost = 0;
  let wrong = 0;
  subscribers.forEach((s, index) => {
    const wanted = expected(index);
    lost += wanted.filter((message) => !s.received.includes(message)).length;
    // anything not wanted, a duplicate, or out of order
    wrong += s.received.filter((message, position) => message !== wanted[position]).length;
  });
  return { lost, wrong };
}

export async function benchSubscriptions(options: SubscriptionBenchOptions) {
  const userPool = await temporaryUserPoolKeys();
  const api = await startEventsApi({ ...options.apiOptions, apiKeys: [{ key: API_KEY }], userPoolKeys: userPool.keys });
  const baseline = await startBaseline(options.apiOptions.dynamodb, options.apiOptions.tableName);
  const graphqlUrl = `${api.url}/graphql`;
  const host = new URL(api.url).host;
  const token = await mintIdToken(userPool.keys, { username: 'bench-owner', pool: EVENTS_USER_POOL });
  const send = (query: string, variables: object) => post(graphqlUrl, { authorization: token }, { query, variables }) as Promise<any>;
  const newEvent = async () =>
    (
      await send(`mutation ($input: CreateEventInput!) { createEvent(input: $input) { eventId } }`, {
        input: { title: 'Live', description: 'Watched', date: '2026-06-01', location: 'Berlin', capacity: 100, organizer: 'Bench', status: 'PUBLISHED' },
      })
    ).data.createEvent.eventId as string;
  const latencyRows: Record<string, Record<string, number | string>> = {};
  const correctnessRows: Record<string, Record<string, number>> = {};
  try {
    // first, while the heap holds little else: what idle connections cost
    const memoryRows = {
      baseline: await idleRss(options.idleConnections, () => openSocket(baseline.realtimeUrl, [])),
      'local server': await idleRss(options.idleConnections, () => connect(api.realtimeUrl, host).then(({ socket }) => socket)),
    };
    for (const count of options.subscriberCounts) {
      const eventId = await newEvent();
      const ours = await Promise.all(Array.from({ length: count }, () => subscriber(api.realtimeUrl, host, eventId)));
      const theirs = await Promise.all(Array.from({ length: count }, () => baselineSubscriber(baseline.realtimeUrl)));
      const oursMs = await deliveryLatencies(ours, options.mutations, (title) => send(UPDATE, { eventId, title }));
      const baseMs = await deliveryLatencies(theirs, options.mutations, (title) => post(baseline.url, {}, { eventId, title }));
      const titles = Array.from({ length: options.mutations }, (_, index) => `${eventId} change ${index}`);
      correctnessRows[`${count} subscribers, ${options.mutations} mutations in turn`] = lostAndWrong(ours, () => titles);
      const request50 = percentile(oursMs.fromRequest, 0.5);
      const request99 = percentile(oursMs.fromRequest, 0.99);
      const base50 = percentile(baseMs.fromRequest, 0.5);
      const base99 = percentile(baseMs.fromRequest, 0.99);
      latencyRows[`${count} subscriber${count === 1 ? '' : 's'}`] = {
        'after response p50': ms(percentile(oursMs.fromResponse, 0.5)),
        'after response p99': ms(percentile(oursMs.fromResponse, 0.99)),
        'baseline after response p50': ms(percentile(baseMs.fromResponse, 0.5)),
        'baseline after response p99': ms(percentile(baseMs.fromResponse, 0.99)),
        'after request p50': ms(request50),
        'after request p99': ms(request99),
        'baseline after request p50': ms(base50),
        'baseline after request p99': ms(base99),
        'ratio p50': Number((request50 / base50).toFixed(1)),
        'ratio p99': Number((request99 / base99).toFixed(1)),
      };
      for (const s of [...ours, ...theirs]) {
        s.close();
      }
    }

    // two events changed at once: each subscriber must get its own event's changes only, all of them, in order
    const [first, second] = [await newEvent(), await newEvent()];
    const half = 50;
    const watchers = await Promise.all(
      Array.from({ length: 2 * half }, (_, index) => subscriber(api.realtimeUrl, host, index < half ? first : second)),
    );
    const perEvent = options.concurrentMutations;
    // changes of one event are sent in order; the two events' changes interleave
    await Promise.all(
      [first, second].map(async (eventId) => {
        for (let index = 0; index < perEvent; index += 1) {
          await send(UPDATE, { eventId, title: `concurrent ${index}` });
        }
      }),
    );
    await settled(watchers, perEvent);
    const expectedFor = (index: number) =>
      Array.from({ length: perEvent }, (_, change) => `${index < half ? first : second} concurrent ${change}`);
    correctnessRows[`2 events changed at once, ${half} subscribers each, ${perEvent} mutations per event`] = lostAndWrong(
      watchers,
      expectedFor,
    );
    for (const w of watchers) {
      w.close();
    }

    return { latencyRows, correctnessRows, memoryRows };
  } finally {
    await Promise.all([api.close(), baseline.close()]);
    await userPool.remove();
  }
}

/** The garbage collector, so that RSS is read after a collection (as --expose-gc would give it). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
}

/** RSS of this process before and with `count` idle connections (opened 100 at a time), in MB. */
async function idleRss(count: number, open: () => Promise<WebSocket>) {
  const gc = collector();
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = process.memoryUsage().rss;
  const sockets: WebSocket[] = [];
  for (let opened = 0; opened < count; opened += 100) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, count - opened) }, open))));
  }
  gc();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const withConnections = process.memoryUsage().rss;
  for (const socket of sockets) {
    socket.terminate();
  }
  // let the other side see them go before the next measurement
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
  return {
    connections: sockets.length,
    'RSS before MB': mb(before),
    'RSS with them MB': mb(withConnections),
    'KB per connection': Number(((withConnections - before) / 1024 / sockets.length).toFixed(1)),
  };
}
