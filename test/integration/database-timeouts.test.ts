import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_PROBE_BUDGET_MS } from '../../model/health-probe.ts';
import { CREATE_EVENT, HEALTH, eventInput } from '../support/event-operations';
import { startLocalApi, type LocalApi } from '../support/local-api';
import { startDynamoDBLocal, type DynamoDBLocal } from 'appsync-local';

// A database that does not answer: every data-source call gives up on time
// (AppSync's ExecutionTimeoutException in ctx.error, which the resolvers
// answer as InternalError), and health says DEGRADED within its budget.
// The file mostly waits (on timeouts, on its own JVM): the waits run side by
// side, each request timed on its own, so they cost the file's wall time once.

const RESOLVER_TIMEOUT_MS = 1_500;

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const startedAt = Date.now();
  const result = await run();
  return { result, ms: Date.now() - startedAt };
}

// the frozen DynamoDB Local's JVM starts while the first describe waits on its timeouts
let databaseStarting: Promise<DynamoDBLocal>;
beforeAll(() => {
  databaseStarting = startDynamoDBLocal({ inMemory: true });
  databaseStarting.catch(() => {}); // reported by the describe that awaits it
});
afterAll(async () => {
  await (await databaseStarting.catch(() => undefined))?.stop();
});

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

describe('DynamoDB Local frozen (SIGSTOP) and thawed', () => {
  let database: DynamoDBLocal;
  let api: LocalApi;
  beforeAll(async () => {
    database = await databaseStarting;
    api = await startLocalApi({
      dynamodbEndpoint: database.endpoint,
      ensureTable: true,
      resolverTimeoutMs: RESOLVER_TIMEOUT_MS,
    });
  });
  afterAll(async () => {
    if (database) process.kill(database.pid, 'SIGCONT');
    await api?.close();
  });

  it('says DEGRADED while frozen, within the budget, and OK again once thawed', async () => {
    expect((await api.withApiKey.request(HEALTH)).data!.health.status).toBe('OK');
    process.kill(database.pid, 'SIGSTOP');
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
      process.kill(database.pid, 'SIGCONT');
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
