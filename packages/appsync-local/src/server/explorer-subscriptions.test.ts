import { parse } from 'graphql';
import { createContext, runInContext } from 'node:vm';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, postGraphQL, startTestApi, type TestApi } from '../realtime/test-support.ts';

// The explorer's fetcher, the very script the page loads, run against the
// local server with `ws` standing in for the browser's WebSocket.

type Params = { query: string; variables?: Record<string, unknown> };
type Fetcher = (params: Params, options?: { headers?: Record<string, string>; documentAST?: unknown }) => unknown;

let test: TestApi;
let script: string;

beforeAll(async () => {
  test = await startTestApi();
  script = await (await fetch(`${test.api.url}/explorer/appsync-subscriptions.js`)).text();
});

afterAll(async () => {
  await test.stop();
});

function explorerFetcher(httpFetcher: Fetcher): Fetcher {
  const page = createContext({ WebSocket, TextEncoder, btoa, URL, JSON, Object, Promise, Symbol, String, Boolean });
  runInContext(script, page);
  const realtimeUrl = test.api.realtimeUrl;
  return runInContext('appSyncFetcher', page)(httpFetcher, realtimeUrl, { 'x-api-key': API_KEY }) as Fetcher;
}

describe('the explorer runs subscriptions over the real-time endpoint', () => {
  it('loads the script from the page', async () => {
    const page = await (await fetch(`${test.api.url}/`)).text();
    expect(page).toContain('<script src="/explorer/appsync-subscriptions.js"></script>');
    expect(page).toContain('appSyncFetcher(');
  });

  it('yields each data payload of a subscription, and stops it when the iteration ends', async () => {
    const fetcher = explorerFetcher(async () => {
      throw new Error('a subscription must not go over HTTP');
    });
    const query = 'subscription { onItem(id: "x1") { id title } }';
    const results = (fetcher({ query }, { documentAST: parse(query) }) as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const first = results.next();
    await expect.poll(() => test.api.realtimeStats().subscriptions).toBe(1);
    await postGraphQL(test.api, 'mutation { putItem(id: "x1", title: "seen in the explorer") { id title } }');
    expect(await first).toEqual({ value: { data: { onItem: { id: 'x1', title: 'seen in the explorer' } } }, done: false });
    expect(await results.return?.()).toEqual({ value: undefined, done: true });
    await expect.poll(() => test.api.realtimeStats()).toEqual({ connections: 0, subscriptions: 0 });
  });

  it("shows a refused subscription's errors and ends", async () => {
    const fetcher = explorerFetcher(async () => undefined);
    const query = 'subscription { onRefused { id } }';
    const results = (fetcher({ query }, { documentAST: parse(query) }) as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    expect(await results.next()).toMatchObject({ value: { errors: [{ errorType: 'Forbidden', message: 'You may not subscribe to this' }] }, done: false });
    expect(await results.next()).toEqual({ value: undefined, done: true });
  });

  it('sends queries and mutations to the HTTP fetcher, with the Headers tab', async () => {
    const sent: unknown[] = [];
    const fetcher = explorerFetcher(async (params, options) => {
      sent.push([params, options?.headers]);
      return { data: null };
    });
    const query = '{ __typename }';
    await fetcher({ query }, { documentAST: parse(query), headers: { 'x-api-key': 'other' } });
    expect(sent).toEqual([[{ query }, { 'x-api-key': 'other' }]]);
  });
});
