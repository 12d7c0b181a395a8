import { performance } from 'node:perf_hooks';

// A bounded closed-loop load: `concurrency` callers each send requests back
// to back until `requests` have been sent. Loopback only, fixed count.

export interface LoadOptions {
  /** requests sent in all */
  requests: number;
  /** callers sending at once */
  concurrency: number;
}

export interface LoadSamples {
  /** each request's latency, sorted ascending */
  sortedDurationsMs: number[];
  /** from the first request sent to the last answer */
  elapsedSeconds: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

export async function runLoad(send: () => Promise<unknown>, options: LoadOptions): Promise<LoadSamples> {
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
  return { sortedDurationsMs: durations.sort((a, b) => a - b), elapsedSeconds };
}

/** POSTs a GraphQL request and returns its `data`; fails loudly on any error, so a broken run is never timed. */
export function graphqlSender(url: string, headers: Record<string, string>, query: string, variables: () => object) {
  return async (): Promise<Record<string, unknown>> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables: variables() }),
    });
    const body = await response.json();
    if (!response.ok || body.errors) {
      throw new Error(`benchmark request failed: ${response.status} ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  };
}
