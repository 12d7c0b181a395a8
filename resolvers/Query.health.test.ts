import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEALTH_PROBE_BUDGET_MS } from '../model/health-probe.ts';
import { fromProjectRoot } from '../model/project-paths.ts';
import { API_KEY_CALLER, dataSourceError, DYNAMODB_INTERNALS } from '../test/support/resolver-fixtures.ts';
import { resolverUnderTest, returned } from '../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html

const health = await resolverUnderTest('Query.health');

const API_VERSION = JSON.parse(readFileSync(fromProjectRoot('package.json'), 'utf8')).version;
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('Query.health request', () => {
  it('reads a key no event has, and stashes when it started', async () => {
    const before = Date.now();
    const response = await health.request({ identity: API_KEY_CALLER });
    expect(returned(response)).toEqual({ operation: 'GetItem', key: { eventId: { S: '__health_probe__' } } });
    const { probeStartedAt } = JSON.parse(response.stash);
    expect(probeStartedAt).toBeGreaterThanOrEqual(before - 60_000);
    expect(probeStartedAt).toBeLessThanOrEqual(Date.now() + 60_000);
  });
});

describe('Query.health response', () => {
  const probeStartedAt = Date.now();

  it('answers OK with the round trip time when the table answered', async () => {
    const response = await health.response({ identity: API_KEY_CALLER, stash: { probeStartedAt }, result: null });
    const answer = returned(response);
    expect(answer).toEqual({
      status: 'OK',
      database: { reachable: true, latencyMs: expect.any(Number) },
      version: API_VERSION,
      checkedAt: expect.stringMatching(UTC_TIMESTAMP),
    });
    expect(answer.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('answers DEGRADED, and logs only the failure type, when the table did not answer', async () => {
    const response = await health.response({
      identity: API_KEY_CALLER,
      stash: { probeStartedAt },
      error: dataSourceError('ResourceNotFoundException'),
    });
    expect(returned(response)).toMatchObject({ status: 'DEGRADED', database: { reachable: false } });
    expect(response.logs).toEqual([expect.stringContaining('health probe failed: DynamoDB:ResourceNotFoundException')]);
    expect(response.logs.join('\n')).not.toContain(DYNAMODB_INTERNALS);
  });

  it('answers DEGRADED when the table answered, but slower than the probe budget', async () => {
    const slowStart = Date.now() - HEALTH_PROBE_BUDGET_MS - 1_000;
    const response = await health.response({ identity: API_KEY_CALLER, stash: { probeStartedAt: slowStart }, result: null });
    expect(returned(response)).toMatchObject({ status: 'DEGRADED', database: { reachable: true } });
    expect(returned(response).database.latencyMs).toBeGreaterThan(HEALTH_PROBE_BUDGET_MS);
    expect(response.logs).toEqual([expect.stringContaining('over its 2000 ms budget')]);
  });
});
