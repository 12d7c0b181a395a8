import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDynamoDBEndpoint } from 'appsync-local/testing';
import { HEALTH_PROBE_BUDGET_MS } from '../../model/health-probe.ts';
import { CREATE_EVENT, HEALTH, eventInput } from '../support/event-operations';
import { startLocalApi, type LocalApi } from '../support/local-api';

// A database that does not answer: every data-source call gives up on time
// (AppSync's ExecutionTimeoutException in ctx.error, which the resolvers
// answer as InternalError), and health says DEGRADED within its budget.
// The file mostly waits on timeouts: the waits (and the two describes) run
// side by side, each request timed on its own, so they cost the file's wall time once.

const RESOLVER_TIMEOUT_MS = 1_500;

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const startedAt = Date.now();
  const result = await run();
  return { result, ms: Date.now() - startedAt };
}

/**
 * A TCP relay to the shared DynamoDB Local that can freeze: it then reads
 * nothing more from either side, as a SIGSTOPped DynamoDB Local would (its
 * kernel still accepts connections and takes in requests; nothing answers).
 * Thawed, it passes on what waited. A JVM of its own to SIGSTOP would cost
 * seconds of CPU and show nothing more.
 */
async function freezableRelay(target: URL) {
  const sockets = new Set<Socket>();
  let frozen = false;
  const relay = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      sockets.add(from);
      from.on('data', (chunk) => to.write(chunk));
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => from.destroy());
      if (frozen) from.pause();
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(relay.address() as { port: number }).port}`,
    freeze() {
      frozen = true;
      sockets.forEach((socket) => socket.pause());
    },
    thaw() {
      frozen = false;
      sockets.forEach((socket) => socket.resume());
    },
    close() {
      sockets.forEach((socket) => socket.destroy());
      relay.close();
    },
  };
}

describe.concurrent('a DynamoDB endpoint that accepts connections and never answers', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let api: LocalApi;
  beforeAll(async () => {
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    api = await startLocalApi({ dynamodbEndpoint: `http://127.0.0.1:${port}`, resolverTimeoutMs: RESOLVER_TIMEOUT_MS });
  });
  afterAll(async () => {
    await api?.close();
    sockets.forEach((socket) => socket.destroy());
    silent?.close();
  });

  it(`answers health DEGRADED within its ${HEALTH_PROBE_BUDGET_MS} ms budget`, async () => {
    const { result, ms } = await timed(() => api.withApiKey.request(HEALTH));
    expect(result.data!.health).toMatchObject({ status: 'DEGRADED', database: { reachable: false } });
    expect(ms).toBeLessThan(HEALTH_PROBE_BUDGET_MS + 3_000);
  });

  it('fails a write with InternalError once the resolver timeout has passed', async () => {
    const { result, ms } = await timed(() => api.request(CREATE_EVENT, { input: eventInput() }));
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'InternalError' })]);
    expect(ms).toBeGreaterThanOrEqual(RESOLVER_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(RESOLVER_TIMEOUT_MS + 3_000);
  });
});

describe.concurrent('DynamoDB Local frozen and thawed', () => {
  let database: Awaited<ReturnType<typeof freezableRelay>>;
  let api: LocalApi;
  beforeAll(async () => {
    database = await freezableRelay(new URL(await sharedDynamoDBEndpoint()));
    api = await startLocalApi({
      dynamodbEndpoint: database.endpoint,
      ensureTable: true,
      resolverTimeoutMs: RESOLVER_TIMEOUT_MS,
    });
  });
  afterAll(async () => {
    await api?.close();
    database?.close();
  });

  it('says DEGRADED while frozen, within the budget, and OK again once thawed', async () => {
    expect((await api.withApiKey.request(HEALTH)).data!.health.status).toBe('OK');
    database.freeze();
    try {
      const [frozen, write] = await Promise.all([
        timed(() => api.withApiKey.request(HEALTH)),
        timed(() => api.request(CREATE_EVENT, { input: eventInput({ title: 'Written while frozen' }) })),
      ]);
      expect(frozen.result.data!.health.status).toBe('DEGRADED');
      expect(frozen.ms).toBeLessThan(HEALTH_PROBE_BUDGET_MS + 3_000);
      expect(write.result.errors).toEqual([expect.objectContaining({ errorType: 'InternalError' })]);
      expect(write.ms).toBeLessThan(RESOLVER_TIMEOUT_MS + 3_000);
    } finally {
      database.thaw();
    }
    const deadline = Date.now() + 10_000;
    let status = '';
    while (status !== 'OK' && Date.now() < deadline) {
      status = (await api.withApiKey.request(HEALTH)).data!.health.status;
    }
    expect(status).toBe('OK');
    console.log(`events stored after the thaw: ${await api.storedEventCount()} (the timed-out write is in doubt)`);
  }, 30_000);
});
