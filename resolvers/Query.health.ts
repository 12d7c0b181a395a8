import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { Health } from '../generated/graphql';
import { HEALTH_PROBE_BUDGET_MS } from '../model/health-probe';

// The API's version, set by the bundler from package.json.
declare const API_VERSION: string;

/** A key no event has: reading it proves the table answers without reading data. */
const PROBE_KEY = '__health_probe__';

export function request(ctx: Context) {
  ctx.stash.probeStartedAt = util.time.nowEpochMilliSeconds();
  return get({ key: { eventId: PROBE_KEY } });
}

export function response(ctx: Context): Health {
  const latencyMs = util.time.nowEpochMilliSeconds() - ctx.stash.probeStartedAt;
  const reachable = !ctx.error;
  if (ctx.error) {
    console.error(`health probe failed: ${ctx.error.type}`);
  } else if (latencyMs > HEALTH_PROBE_BUDGET_MS) {
    console.error(`health probe answered after ${latencyMs} ms, over its ${HEALTH_PROBE_BUDGET_MS} ms budget`);
  }
  return {
    status: reachable && latencyMs <= HEALTH_PROBE_BUDGET_MS ? 'OK' : 'DEGRADED',
    database: { reachable, latencyMs },
    version: API_VERSION,
    checkedAt: util.time.nowISO8601(),
  };
}
