import { QueryCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { INDEX_BY_STATUS } from '../model/events-table.ts';
import { createDynamoDBClient } from '../local/dynamodb/client.ts';
import { startDynamoDBLocal } from '../local/dynamodb/dynamodb-local.ts';
import { startEventsApi } from '../local/events-api.ts';
import { buildResolverBundles } from '../scripts/build-resolvers.ts';
import { startDirectBaselineServer } from './direct-baseline-server.ts';
import { graphqlSender, measureLatency, type LatencyFigures } from './load.ts';
import { seedEvents } from './seed-events.ts';

// `npm run bench`: every figure beside a baseline measured in the same run.
// 1. Items DynamoDB reads to return one page of 20 PUBLISHED events, through
//    the API (a Query on the status index) and by scanning with a filter.
// 2. Latency and throughput of getEvent and listEvents through the local
//    AppSync runtime, beside graphql-js calling the SDK directly.

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const PAGE_SIZE = 20;
const LOAD = { requests: Number(process.env.BENCH_REQUESTS ?? 2000), concurrency: 4, warmup: 200 };
const API_KEY = 'da2-bench-key';

const LIST_PUBLISHED = `query ($limit: Int) { listEvents(filter: { status: PUBLISHED }, limit: $limit) { items { eventId title date } nextToken } }`;
const GET_EVENT = `query ($eventId: ID!) { getEvent(eventId: $eventId) { eventId title date status } }`;

interface ReadCount {
  itemsRead: number;
  itemsReturned: number;
  capacityUnits: number;
}

/** The baseline a naive list does: scan pages with a filter until a page's worth matched. */
async function scanAndFilter(client: DynamoDBClient, tableName: string): Promise<ReadCount> {
  const count: ReadCount = { itemsRead: 0, itemsReturned: 0, capacityUnits: 0 };
  let startKey: Record<string, any> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': { S: 'PUBLISHED' } },
        Limit: PAGE_SIZE,
        ExclusiveStartKey: startKey,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    count.itemsRead += page.ScannedCount ?? 0;
    count.itemsReturned += page.Count ?? 0;
    count.capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey && count.itemsReturned < PAGE_SIZE);
  return count;
}

async function listThroughApi(url: string, reads: ReadCount[]): Promise<ReadCount> {
  reads.length = 0;
  await graphqlSender(url, { 'x-api-key': API_KEY }, LIST_PUBLISHED, () => ({ limit: PAGE_SIZE }))();
  return reads.reduce(
    (total, read) => ({
      itemsRead: total.itemsRead + read.itemsRead,
      itemsReturned: total.itemsReturned + read.itemsReturned,
      capacityUnits: total.capacityUnits + read.capacityUnits,
    }),
    { itemsRead: 0, itemsReturned: 0, capacityUnits: 0 },
  );
}

async function someEventIds(client: DynamoDBClient, tableName: string): Promise<string[]> {
  const result = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: INDEX_BY_STATUS,
      KeyConditionExpression: '#status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': { S: 'PUBLISHED' } },
      Limit: 100,
    }),
  );
  return (result.Items ?? []).map((item) => item.eventId.S as string);
}

function ratioRow(name: string, ours: LatencyFigures, baseline: LatencyFigures) {
  return {
    operation: name,
    'ours p50 ms': ours.p50Ms.toFixed(2),
    'direct p50 ms': baseline.p50Ms.toFixed(2),
    'p50 ratio': (ours.p50Ms / baseline.p50Ms).toFixed(2),
    'ours p99 ms': ours.p99Ms.toFixed(2),
    'direct p99 ms': baseline.p99Ms.toFixed(2),
    'ours req/s': ours.requestsPerSecond.toFixed(0),
    'direct req/s': baseline.requestsPerSecond.toFixed(0),
    'throughput ratio': (ours.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
  };
}

async function main() {
  await buildResolverBundles();
  const dynamodbLocal = await startDynamoDBLocal({ inMemory: true });
  const client = createDynamoDBClient({ endpoint: dynamodbLocal.endpoint });
  const tableName = 'bench-events';
  const reads: ReadCount[] = [];
  const api = await startEventsApi({
    dynamodb: client,
    tableName,
    port: 0,
    apiKeys: [{ key: API_KEY }],
    stage: 'dev',
    allowedOrigins: [],
    onRead: (metrics) =>
      reads.push({
        itemsRead: metrics.scannedCount,
        itemsReturned: metrics.count,
        capacityUnits: metrics.consumedCapacityUnits ?? 0,
      }),
  });
  const apiUrl = `${api.url}/graphql`;
  try {
    const readRows = [];
    let seeded = 0;
    for (const size of SIZES) {
      const started = Date.now();
      await seedEvents(client, tableName, seeded, size);
      seeded = size;
      console.error(`seeded ${size} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const viaApi = await listThroughApi(apiUrl, reads);
      const scanned = await scanAndFilter(client, tableName);
      readRows.push({
        events: size,
        'API items read/returned': `${viaApi.itemsRead}/${viaApi.itemsReturned}`,
        'API read per returned': (viaApi.itemsRead / viaApi.itemsReturned).toFixed(2),
        'API RCU': viaApi.capacityUnits.toFixed(1),
        'scan items read/returned': `${scanned.itemsRead}/${scanned.itemsReturned}`,
        'scan read per returned': (scanned.itemsRead / Math.max(1, scanned.itemsReturned)).toFixed(2),
        'scan RCU': scanned.capacityUnits.toFixed(1),
      });
    }
    console.log('\n1. One page of listEvents(status: PUBLISHED, limit: 20): items read by DynamoDB');
    console.table(readRows);

    const ids = await someEventIds(client, tableName);
    const pick = () => ({ eventId: ids[Math.floor(Math.random() * ids.length)] });
    const baseline = await startDirectBaselineServer(client, tableName);
    try {
      const latencyRows = [];
      for (const [name, query, variables] of [
        ['getEvent', GET_EVENT, pick],
        ['listEvents(status)', LIST_PUBLISHED, () => ({ limit: PAGE_SIZE })],
      ] as const) {
        const direct = await measureLatency(graphqlSender(baseline.url, {}, query, variables), LOAD);
        const ours = await measureLatency(graphqlSender(apiUrl, { 'x-api-key': API_KEY }, query, variables), LOAD);
        latencyRows.push(ratioRow(name, ours, direct));
      }
      console.log(
        `\n2. Local AppSync runtime vs graphql-js + direct SDK calls (${LOAD.requests} requests, ${LOAD.concurrency} concurrent, ${seeded} events)`,
      );
      console.table(latencyRows);
    } finally {
      await baseline.close();
    }
  } finally {
    await api.close();
    await dynamodbLocal.stop();
  }
}

await main();
