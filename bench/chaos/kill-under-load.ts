import { GetItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fromProjectRoot } from '../../model/project-paths.ts';
import { CHAOS_API_KEY, EVENT_INPUT, graphql } from './chaos-client.ts';
import { killWithParent, type SupervisedDynamoDBLocal } from 'appsync-local';

// Acknowledged writes after kills: writers create events back to back while
// DynamoDB Local (supervised, data on disk) and then the API server (its own
// process) are killed with SIGKILL and come back. Afterwards every event the
// API acknowledged must be stored; events stored without an acknowledgement
// were answered with an error (or not at all) and committed anyway: those are
// the in-doubt writes.

const CREATE = 'mutation($input: CreateEventInput!) { createEvent(input: $input) { eventId } }';

interface ApiProcess {
  url: string;
  child: ChildProcess;
}

async function startApiProcess(endpoint: string, tableName: string): Promise<ApiProcess> {
  const script = fromProjectRoot('bench/chaos/serve-api.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, endpoint, tableName, CHAOS_API_KEY], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  // a chaos run that fails must not leave its server running
  const untie = killWithParent(child);
  child.once('exit', untie);
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the API process exited with ${code}`)));
  });
  return { url, child };
}

function killIfRunning(pid: number) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // it is already gone (and being restarted)
  }
}

function killHard(api: ApiProcess) {
  api.child.kill('SIGKILL');
}

async function storedCount(client: DynamoDBClient, tableName: string): Promise<number> {
  const output = await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT', ConsistentRead: true }));
  return output.Count ?? 0;
}

export interface KillFigures {
  attempted: number;
  acknowledged: number;
  acknowledgedMissing: number;
  failed: number;
  storedWithoutAcknowledgement: number;
}

export async function killUnderLoad(options: {
  database: SupervisedDynamoDBLocal;
  client: DynamoDBClient;
  tableName: string;
  token: string;
  writers: number;
  seconds: number;
}): Promise<KillFigures> {
  const { database, client, tableName } = options;
  const storedBefore = await storedCount(client, tableName);
  let api = await startApiProcess(database.endpoint, tableName);
  const acknowledged: string[] = [];
  let attempted = 0;
  let failed = 0;
  const stopAt = Date.now() + options.seconds * 1000;
  const writer = async () => {
    while (Date.now() < stopAt) {
      attempted += 1;
      const outcome = await graphql(api.url, { authorization: options.token }, CREATE, { input: EVENT_INPUT });
      const eventId = outcome.body?.data?.createEvent?.eventId;
      if (eventId) {
        acknowledged.push(eventId);
      } else {
        failed += 1;
        await sleep(50);
      }
    }
  };
  const faults = (async () => {
    await sleep((options.seconds * 1000) / 4);
    killIfRunning(database.pid());
    await sleep((options.seconds * 1000) / 4);
    killHard(api);
    api = await startApiProcess(database.endpoint, tableName);
  })();
  await Promise.all([faults, ...Array.from({ length: options.writers }, writer)]);
  killHard(api);

  let acknowledgedMissing = 0;
  for (const eventId of acknowledged) {
    const stored = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { eventId: { S: eventId } }, ConsistentRead: true }),
    );
    if (!stored.Item) acknowledgedMissing += 1;
  }
  const storedDuringLoad = (await storedCount(client, tableName)) - storedBefore;
  return {
    attempted,
    acknowledged: acknowledged.length,
    acknowledgedMissing,
    failed,
    storedWithoutAcknowledgement: storedDuringLoad - (acknowledged.length - acknowledgedMissing),
  };
}
