import { createDynamoDBClient, startDynamoDBLocal } from 'appsync-local';
import { startEventsApi, type EventsApiOptions } from '../dev/events-api.ts';
import { buildResolverBundles } from '../scripts/build-resolvers.ts';
import { loadavg } from 'node:os';
import { timeDevStartups } from './dev-startup.ts';
import { startDirectBaselineServer } from './direct-baseline-server.ts';
import { itemsReadRow, readRecorder, scanAndFilter } from './items-read.ts';
import { compareLatency } from './latency-comparison.ts';
import type { RoundsOptions } from './rounds.ts';
import { benchRegistrations } from './registrations.ts';
import { seedEvents } from './seed-events.ts';
import { timeServeStartups } from './serve-startup.ts';
import { benchSubscriptions } from './subscriptions.ts';

// `npm run bench`: every figure beside a baseline measured in the same run.
// 1. Items DynamoDB reads to return one page of 20 PUBLISHED events, through
//    the API (a Query on the status index) and by scanning with a filter.
// 2. Latency and throughput of getEvent and listEvents through the local
//    AppSync runtime, beside graphql-js calling the SDK directly.
// 3. registerForEvent on one hot event at concurrency 1, 8 and 32, and the
//    write units a registration and a cancellation cost.
// 4. Time from `npm run dev` to a served API (BENCH_DEV_STARTS starts).
// 5. Time from `npx appsync-local serve` on the Events API's cdk.out to the
//    first answered query (BENCH_SERVE_STARTS starts).
// 6. Subscriptions: delivery latency from a mutation's HTTP response to 1, 100
//    and 1,000 subscribers of one event beside a plain WebSocket broadcast,
//    messages lost or wrongly delivered, RSS with 5,000 idle connections.
// Shorter runs while iterating: BENCH_SIZES=10000 BENCH_REQUESTS=1000.
// Only one section: BENCH_ONLY=registrations, BENCH_ONLY=serve-startup or BENCH_ONLY=subscriptions.

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** requests per server and operation, spread over the rounds */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const LOAD: RoundsOptions = {
  rounds: ROUNDS,
  requestsPerRound: Math.ceil(REQUESTS / ROUNDS),
  concurrency: 4,
  warmupRounds: 5,
};
const DEV_STARTS = Number(process.env.BENCH_DEV_STARTS ?? 3);
const SERVE_STARTS = Number(process.env.BENCH_SERVE_STARTS ?? 5);
const REGISTRATIONS_PER_LEVEL = Number(process.env.BENCH_REGISTRATIONS ?? 200);
const SUBSCRIBER_COUNTS = (process.env.BENCH_SUBSCRIBERS ?? '1,100,1000').split(',').map(Number);
const SUBSCRIPTION_MUTATIONS = Number(process.env.BENCH_SUBSCRIPTION_MUTATIONS ?? 50);
const IDLE_CONNECTIONS = Number(process.env.BENCH_IDLE_CONNECTIONS ?? 5000);
const API_KEY = 'da2-bench-key';
const API_HEADERS = { 'x-api-key': API_KEY };

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

async function benchServeStartup() {
  const load = loadavg()[0].toFixed(1);
  const startups = await timeServeStartups(SERVE_STARTS);
  console.log(
    `\n5. npx appsync-local serve on the Events API's cdk.out, from the command to the first answered query, ` +
      `${SERVE_STARTS} starts (load average ${load} before, ${loadavg()[0].toFixed(1)} after)`,
  );
  console.table({ ms: { each: startups.join(', '), median: median(startups) } });
}

async function main() {
  await buildResolverBundles();
  if (process.env.BENCH_ONLY === 'serve-startup') {
    await benchServeStartup();
    return;
  }
  const dynamodbLocal = await startDynamoDBLocal({ inMemory: true });
  const client = createDynamoDBClient({ endpoint: dynamodbLocal.endpoint });
  const tableName = 'bench-events';
  const apiOptions: EventsApiOptions = {
    dynamodb: client,
    tableName,
    port: 0,
    apiKeys: [{ key: API_KEY }],
    stage: 'dev',
    allowedOrigins: [],
  };
  try {
    if (process.env.BENCH_ONLY === 'subscriptions') {
      await reportSubscriptions(apiOptions);
      return;
    }
    if (process.env.BENCH_ONLY !== 'registrations') {
      await benchReadsAndLatency(client, tableName, apiOptions);
    }
    const registrations = await benchRegistrations({
      apiOptions,
      client,
      requestsPerLevel: REGISTRATIONS_PER_LEVEL,
      concurrencyLevels: [1, 8, 32],
    });
    console.log(
      `\n3. registerForEvent on one hot event (capacity 100), ${REGISTRATIONS_PER_LEVEL} users per level, each registering once`,
    );
    console.table(registrations.latencyRows);
    console.log('   Write units per operation (2 per KB and item in a transaction), item sizes in bytes:', registrations.itemSizes);
    console.table(registrations.unitRows);
  } finally {
    await dynamodbLocal.stop();
  }
  if (process.env.BENCH_ONLY === 'registrations') {
    return;
  }

  const startups = await timeDevStartups(DEV_STARTS);
  console.log(`\n4. npm run dev, from the command to a served API (in-memory DynamoDB Local), ${DEV_STARTS} starts`);
  console.table({ ms: { each: startups.join(', '), median: median(startups) } });
  await benchServeStartup();

  const database = await startDynamoDBLocal({ inMemory: true });
  try {
    await reportSubscriptions({ ...apiOptions, dynamodb: createDynamoDBClient({ endpoint: database.endpoint }) });
  } finally {
    await database.stop();
  }
}

async function reportSubscriptions(apiOptions: EventsApiOptions) {
  const figures = await benchSubscriptions({
    apiOptions: { ...apiOptions, tableName: 'bench-subscriptions' },
    subscriberCounts: SUBSCRIBER_COUNTS,
    mutations: SUBSCRIPTION_MUTATIONS,
    concurrentMutations: SUBSCRIPTION_MUTATIONS,
    idleConnections: IDLE_CONNECTIONS,
  });
  console.log(
    `\n6. Subscriptions: onEventChanged of one event, one WebSocket per subscriber; ${SUBSCRIPTION_MUTATIONS} updateEvent calls in turn. ` +
      'Milliseconds from the HTTP response of the mutation (negative: the message came first) and from its request to the ' +
      'message at each subscriber, beside a baseline in the same run (a POST that writes the title with one SDK UpdateItem, ' +
      'answers and broadcasts over plain ws); ratios of the times from the request',
  );
  console.table(figures.latencyRows);
  console.log('   Messages lost or wrongly delivered (a message for another event, a duplicate, or out of order): must be 0');
  console.table(figures.correctnessRows);
  console.log('   RSS of the process holding both ends of the idle connections (initialised, no subscription)');
  console.table(figures.memoryRows);
}

async function benchReadsAndLatency(client: ReturnType<typeof createDynamoDBClient>, tableName: string, apiOptions: EventsApiOptions) {
  // counting reads makes ours ask DynamoDB for consumed capacity, which the
  // baseline does not: this API serves section 1 only
  const recorder = readRecorder();
  const countingApi = await startEventsApi({ ...apiOptions, onRead: recorder.onRead });
  const readRows = [];
  let seeded = 0;
  try {
    for (const size of SIZES) {
      const started = Date.now();
      await seedEvents(client, tableName, seeded, size);
      seeded = size;
      console.error(`seeded ${size} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const viaApi = await recorder.listThroughApi(`${countingApi.url}/graphql`, API_HEADERS);
      readRows.push(itemsReadRow(size, viaApi, await scanAndFilter(client, tableName)));
    }
  } finally {
    await countingApi.close();
  }
  console.log('\n1. One page of listEvents(status: PUBLISHED, limit: 20): items read by DynamoDB');
  console.table(readRows);

  const api = await startEventsApi({ ...apiOptions, ensureTable: false });
  const baseline = await startDirectBaselineServer(client, tableName);
  try {
    const latencyRows = await compareLatency({
      ours: { url: `${api.url}/graphql`, headers: API_HEADERS },
      baseline: { url: baseline.url, headers: {} },
      client,
      tableName,
      rounds: LOAD,
    });
    console.log(
      `\n2. Local AppSync runtime vs graphql-js + direct SDK calls, same run: ${LOAD.warmupRounds} warm-up rounds, ` +
        `then ${LOAD.rounds} rounds of ${LOAD.requestsPerRound} requests to each server, order alternating ` +
        `(${LOAD.concurrency} concurrent, ${seeded} events). Medians over rounds; p99 over all measured requests.`,
    );
    console.table(latencyRows);
  } finally {
    await Promise.all([api.close(), baseline.close()]);
  }
}

await main();
