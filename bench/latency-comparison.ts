import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import { queryStatusIndex } from './direct-baseline-server.ts';
import { LIST_PUBLISHED, PAGE_SIZE } from './items-read.ts';
import { graphqlSender } from './load.ts';
import { compareInRounds, type RoundsComparison, type RoundsOptions } from './rounds.ts';

// Section 2 of the benchmark: getEvent and listEvents through the local
// AppSync runtime beside the direct baseline, in alternating rounds (see
// rounds.ts). Before anything is timed, both servers must give the same
// answer to the same request, so that both are timed doing the same work.

const GET_EVENT = `query ($eventId: ID!) { getEvent(eventId: $eventId) { eventId title date status } }`;

export interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

export interface LatencyComparisonOptions {
  ours: Endpoint;
  baseline: Endpoint;
  /** the table both servers read, for picking events to get */
  client: DynamoDBClient;
  tableName: string;
  rounds: RoundsOptions;
}

async function somePublishedEventIds(client: DynamoDBClient, tableName: string): Promise<string[]> {
  const result = await queryStatusIndex(client, tableName, { status: 'PUBLISHED', limit: 100 });
  return (result.Items ?? []).map((item) => item.eventId.S as string);
}

/** Tokens differ by design (ours are sealed); what must match is whether there is one. */
function withTokenPresence(data: unknown): unknown {
  return JSON.parse(
    JSON.stringify(data, (key, value) => (key === 'nextToken' && typeof value === 'string' ? '<next page>' : value)),
  );
}

async function assertSameAnswer(name: string, query: string, variables: object, options: LatencyComparisonOptions) {
  const ask = ({ url, headers }: Endpoint) => graphqlSender(url, headers, query, () => variables)();
  const [ours, baseline] = await Promise.all([ask(options.ours), ask(options.baseline)]);
  if (!isDeepStrictEqual(withTokenPresence(ours), withTokenPresence(baseline))) {
    const answers = `ours:     ${JSON.stringify(ours)}\nbaseline: ${JSON.stringify(baseline)}`;
    throw new Error(`${name}: the baseline answers differently, so it would be timed doing other work\n${answers}`);
  }
}

function ratioRow(operation: string, { ours, baseline, ...ratios }: RoundsComparison) {
  return {
    operation,
    'ours p50 ms': ours.p50Ms.toFixed(2),
    'direct p50 ms': baseline.p50Ms.toFixed(2),
    'p50 ratio': ratios.p50Ratio.toFixed(2),
    'ratio min–max': ratios.p50RatioRange.map((ratio) => ratio.toFixed(2)).join('–'),
    'ours p99 ms': ours.p99Ms.toFixed(2),
    'direct p99 ms': baseline.p99Ms.toFixed(2),
    'ours req/s': ours.requestsPerSecond.toFixed(0),
    'direct req/s': baseline.requestsPerSecond.toFixed(0),
    'throughput ratio': ratios.throughputRatio.toFixed(2),
  };
}

export async function compareLatency(options: LatencyComparisonOptions) {
  const ids = await somePublishedEventIds(options.client, options.tableName);
  const operations = [
    { name: 'getEvent', query: GET_EVENT, variables: () => ({ eventId: ids[Math.floor(Math.random() * ids.length)] }) },
    { name: 'listEvents(status)', query: LIST_PUBLISHED, variables: () => ({ limit: PAGE_SIZE }) },
  ];
  const rows = [];
  for (const { name, query, variables } of operations) {
    await assertSameAnswer(name, query, variables(), options);
    const send = ({ url, headers }: Endpoint) => graphqlSender(url, headers, query, variables);
    rows.push(ratioRow(name, await compareInRounds(send(options.ours), send(options.baseline), options.rounds)));
  }
  return rows;
}
