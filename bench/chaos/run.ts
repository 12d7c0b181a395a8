import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEventsApi } from '../../dev/events-api.ts';
import { eventsTable } from '../../model/events-table.ts';
import { fromProjectRoot } from '../../model/project-paths.ts';
import { buildResolverBundles } from '../../scripts/build-resolvers.ts';
import { CHAOS_API_KEY, userToken } from './chaos-client.ts';
import { conflictingWrites } from './conflicting-writes.ts';
import { healthTimings } from './health-timing.ts';
import { runHostileCorpus } from './hostile-corpus.ts';
import { killUnderLoad } from './kill-under-load.ts';
import { createDynamoDBClient, ensureTable, superviseDynamoDBLocal } from 'appsync-local';

// `npm run chaos`: the API under conflicting writes, a frozen and a killed
// DynamoDB Local, a killed server, and a corpus of hostile requests. Bounded
// (a few minutes), loopback only, a DynamoDB Local of its own with its
// data in a temporary directory. Not part of `npm test`.
// CHAOS_ROUNDS (default 10) and CHAOS_SECONDS (default 12) scale it.
// Last, the seats-under-load test of npm test at full scale (2,000 users on
// 100 seats; npm test runs it at 100 on 5).

const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 10);
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 12);

async function main() {
  await buildResolverBundles();
  const dataDir = mkdtempSync(join(tmpdir(), 'chaos-dynamodb-'));
  const database = await superviseDynamoDBLocal({
    dataDir,
    log: (line) => console.error(`  supervisor: ${line}`),
    firstBackoffMs: 200,
  });
  const client = createDynamoDBClient({ endpoint: database.endpoint });
  const tableName = 'chaos-events';
  await ensureTable(client, eventsTable, tableName);
  const api = await startEventsApi({
    dynamodb: createDynamoDBClient({ endpoint: database.endpoint }),
    tableName,
    port: 0,
    apiKeys: [{ key: CHAOS_API_KEY }],
    allowedOrigins: [],
    stage: 'dev',
    ensureTable: false,
    resolverTimeoutMs: 5_000,
  });
  const caller = { authorization: await userToken('chaos-user') };
  try {
    console.error('conflicting writes…');
    const conflicts = await conflictingWrites(api.url, caller, { rounds: ROUNDS, writers: 50 });
    console.error('hostile corpus…');
    const corpus = await runHostileCorpus(api.url, caller);
    console.error('health timings…');
    const timings = await healthTimings(api.url, { 'x-api-key': CHAOS_API_KEY }, database);
    console.error('kills under load…');
    const kills = await killUnderLoad({ database, client, tableName, token: caller.authorization, writers: 16, seconds: SECONDS });
    console.log(`
Conflicting writes (${ROUNDS} rounds × 50 writers, with and without expectedVersion)
  writes ${conflicts.writes}, acknowledged ${conflicts.acknowledged}, ConflictError ${conflicts.conflicts}, other errors ${conflicts.otherErrors}
  lost updates ${conflicts.lostUpdates}

Kills under load (16 writers for ${SECONDS} s; DynamoDB Local and then the server killed with SIGKILL)
  creates attempted ${kills.attempted}, acknowledged ${kills.acknowledged}, failed ${kills.failed}
  acknowledged but missing ${kills.acknowledgedMissing}
  stored without acknowledgement (in doubt, committed) ${kills.storedWithoutAcknowledgement}

Health
  DynamoDB Local frozen (SIGSTOP) → DEGRADED  ${timings.frozenToDegradedSeconds.toFixed(1)} s
  thawed (SIGCONT) → OK                       ${timings.thawedToOkSeconds.toFixed(1)} s
  killed (SIGKILL) → DEGRADED                 ${timings.killedToDegradedSeconds.toFixed(1)} s
  killed → OK again (supervisor restart)      ${timings.killedToOkSeconds.toFixed(1)} s

Hostile corpus (${corpus.cases} cases)
  5xx ${corpus.serverErrors}, no answer ${corpus.noAnswer}, internals shown ${corpus.internalsShown}${corpus.failures.map((failure) => `\n    ${failure}`).join('')}
`);
  } finally {
    await api.close();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.error('seats under load at full scale…');
  const seats = spawnSync('npx', ['vitest', 'run', '--project', 'integration', 'test/integration/registration-concurrency.test.ts'], {
    cwd: fromProjectRoot('.'),
    env: { ...process.env, REGISTRATION_LOAD_USERS: '2000' },
    stdio: 'inherit',
  });
  console.log(`Seats under load (2,000 users on 100 seats): ${seats.status === 0 ? 'invariants held' : 'FAILED'}`);
  process.exitCode = seats.status === 0 ? 0 : 1;
}

await main();
