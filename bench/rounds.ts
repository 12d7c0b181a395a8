import { percentile, runLoad, type LoadSamples } from './load.ts';

// Our server against the baseline in alternating rounds. Measuring one after
// the other let order decide the ratio: whoever ran second found Node's and
// DynamoDB Local's JIT warmer (and the JVM's heap in another state). Here both
// are warmed first, then each round measures both back to back, the order
// flipping every round (baseline first, then ours first, …), so drift over
// the run falls on both alike. Every figure is a median over rounds, and the
// ratio is the median of each round's own ours/baseline ratio.

export interface RoundsOptions {
  /** measured rounds; each sends `requestsPerRound` to each server */
  rounds: number;
  requestsPerRound: number;
  /** callers sending at once */
  concurrency: number;
  /** unmeasured rounds per server before the first measured one */
  warmupRounds: number;
}

export interface ServerFigures {
  /** median over rounds of each round's p50 */
  p50Ms: number;
  /** p99 of every measured request together (one round is too few for a p99) */
  p99Ms: number;
  /** median over rounds */
  requestsPerSecond: number;
}

export interface RoundsComparison {
  ours: ServerFigures;
  baseline: ServerFigures;
  /** median over rounds of ours p50 / baseline p50 in the same round */
  p50Ratio: number;
  /** the lowest and highest of those per-round ratios */
  p50RatioRange: [number, number];
  /** median over rounds of ours req/s / baseline req/s in the same round */
  throughputRatio: number;
}

type Send = () => Promise<unknown>;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const p50 = (samples: LoadSamples) => percentile(samples.sortedDurationsMs, 0.5);
const throughput = (samples: LoadSamples) => samples.sortedDurationsMs.length / samples.elapsedSeconds;

function figures(rounds: readonly LoadSamples[]): ServerFigures {
  const pooled = rounds.flatMap((round) => round.sortedDurationsMs).sort((a, b) => a - b);
  return {
    p50Ms: median(rounds.map(p50)),
    p99Ms: percentile(pooled, 0.99),
    requestsPerSecond: median(rounds.map(throughput)),
  };
}

/** One round of each server, in the order the round number gives. */
async function roundPair(index: number, ours: Send, baseline: Send, options: RoundsOptions) {
  const load = { requests: options.requestsPerRound, concurrency: options.concurrency };
  if (index % 2 === 0) {
    const baselineSamples = await runLoad(baseline, load);
    return { baseline: baselineSamples, ours: await runLoad(ours, load) };
  }
  const oursSamples = await runLoad(ours, load);
  return { ours: oursSamples, baseline: await runLoad(baseline, load) };
}

export async function compareInRounds(ours: Send, baseline: Send, options: RoundsOptions): Promise<RoundsComparison> {
  for (let index = 0; index < options.warmupRounds; index += 1) {
    await roundPair(index, ours, baseline, options);
  }
  const oursRounds: LoadSamples[] = [];
  const baselineRounds: LoadSamples[] = [];
  for (let index = 0; index < options.rounds; index += 1) {
    const pair = await roundPair(index, ours, baseline, options);
    oursRounds.push(pair.ours);
    baselineRounds.push(pair.baseline);
  }
  const p50Ratios = oursRounds.map((round, index) => p50(round) / p50(baselineRounds[index]));
  const throughputRatios = oursRounds.map((round, index) => throughput(round) / throughput(baselineRounds[index]));
  return {
    ours: figures(oursRounds),
    baseline: figures(baselineRounds),
    p50Ratio: median(p50Ratios),
    p50RatioRange: [Math.min(...p50Ratios), Math.max(...p50Ratios)],
    throughputRatio: median(throughputRatios),
  };
}
