import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoDBClient } from './client.ts';
import { superviseDynamoDBLocal, type SupervisedDynamoDBLocal } from './supervised-dynamodb-local.ts';
import { isRunning } from './test-support.ts';

// A supervised DynamoDB Local of its own, killed the hardest way there is.
// Each JVM start costs seconds of CPU, so its two JVMs also show what
// startDynamoDBLocal does (dynamodb-local.test.ts relies on it): the first
// with a dataDir and no port (a free one picked, the directory created), the
// second on the port asked for (the same endpoint), finding the tables in
// dataDir again; each tied to this process by killWithParent while it runs,
// and gone after stop().

const parent = mkdtempSync(join(tmpdir(), 'supervised-dynamodb-'));
const dataDir = join(parent, 'not', 'yet', 'there');
const lines: string[] = [];
let supervised: SupervisedDynamoDBLocal | undefined;

afterAll(async () => {
  await supervised?.stop();
  rmSync(parent, { recursive: true, force: true });
});

async function waitForLine(pattern: RegExp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!lines.some((line) => pattern.test(line)) && Date.now() < deadline) {
    await sleep(50);
  }
  return lines.find((line) => pattern.test(line));
}

describe('superviseDynamoDBLocal', () => {
  it('says when DynamoDB Local dies, and starts it again on the same endpoint with the same data', async () => {
    const signalListeners = process.listeners('SIGTERM');
    supervised = await superviseDynamoDBLocal({ dataDir, log: (line) => lines.push(line), firstBackoffMs: 100 });
    // kill-with-parent.ts's tie shows as its signal listener
    expect(process.listeners('SIGTERM')).toHaveLength(signalListeners.length + 1);
    // no port asked for: startDynamoDBLocal picks a free one, and creates dataDir
    expect(supervised.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createDynamoDBClient({ endpoint: supervised.endpoint });
    await client.send(
      new CreateTableCommand({
        TableName: 'survivor',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const firstPid = supervised.pid();
    process.kill(firstPid, 'SIGKILL');

    expect(await waitForLine(/exited/, 5_000)).toBe(
      `DynamoDB Local (pid ${firstPid}) exited (SIGKILL); restarting it on ${supervised.endpoint}, data in ${dataDir}`,
    );
    expect(await waitForLine(/is back/, 40_000)).toMatch(`DynamoDB Local is back on ${supervised.endpoint}`);
    expect(supervised.pid()).not.toBe(firstPid);
    expect(supervised.restarts()).toBe(1);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toContain('survivor');

    const lastPid = supervised.pid();
    await supervised.stop();
    expect(isRunning(lastPid)).toBe(false);
    expect(process.listeners('SIGTERM')).toEqual(signalListeners);
    await expect(client.send(new ListTablesCommand({}))).rejects.toThrow();
    await supervised.stop();
    expect(readdirSync(dataDir)).toEqual(['shared-local-instance.db']);
  }, 60_000);
});
