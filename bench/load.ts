import { performance } from 'node:perf_hooks';

// A bounded closed-loop load: `concurrency` callers each send requests back
// to back until `requests` have been sent. Loopback only, fixed count.

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

export async function measureLatency(
  send: () => Promise<void>,
  options: { requests: number; concurrency: number; warmup: number },
): Promise<LatencyFigures> {
  for (let index = 0; index < options.warmup; index += 1) {
    await send();
  }
  const durations: number[] = [];
  let remaining = options.requests;
  const caller = async () => {
    while (remaining > 0) {
      remaining -= 1;
      const started = performance.now();
      await send();
      durations.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const elapsedSeconds = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return {
    p50Ms: percentile(durations, 0.5),
    p99Ms: percentile(durations, 0.99),
    requestsPerSecond: durations.length / elapsedSeconds,
  };
}

/** POSTs a GraphQL request and fails loudly on any error, so a broken run is never timed. */
export function graphqlSender(url: string, headers: Record<string, string>, query: string, variables: () => object) {
  return async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables: variables() }),
    });
    const body = await response.json();
    if (!response.ok || body.errors) {
      throw new Error(`benchmark request failed: ${response.status} ${JSON.stringify(body.errors)}`);
    }
  };
}
