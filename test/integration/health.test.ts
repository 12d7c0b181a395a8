import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH } from '../support/event-operations';
import { startLocalApi, type LocalApi } from '../support/local-api';
import packageJson from '../../package.json' with { type: 'json' };

let api: LocalApi;
let unreachable: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
  // nothing listens on port 9 (discard) on loopback: the database is down
  unreachable = await startLocalApi({ dynamodbEndpoint: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await api?.close();
  await unreachable?.close();
});

describe('health', () => {
  it('reports OK, a reachable database with its latency, and the API version', async () => {
    const { data, errors } = await api.request(HEALTH);
    expect(errors).toBeUndefined();
    expect(data!.health).toMatchObject({ status: 'OK', version: packageJson.version, database: { reachable: true } });
    expect(data!.health.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(data!.health.database.latencyMs).toBeLessThan(5_000);
    expect(Math.abs(Date.parse(data!.health.checkedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('reports DEGRADED when the database does not answer, without leaking why', async () => {
    const { status, data, raw } = await unreachable.request(HEALTH);
    expect(status).toBe(200);
    expect(data!.health).toMatchObject({ status: 'DEGRADED', database: { reachable: false } });
    expect(raw).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/i);
  });
});
