import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { sharedDynamoDBEndpoint } from 'appsync-local/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForEventsAssembly } from '../support/events-assembly';
import { CREATE_EVENT, GET_EVENT, eventInput } from '../support/event-operations';
import { graphqlClient } from '../support/graphql-client';

// `npx cdk synth && npx appsync-local serve`: the Events API served from its
// own cloud assembly (synthesized once for the test run), with nothing of the
// project but cdk.out, by the CLI as a user runs it. The other files here run
// the attack matrix and more against the same assembly in-process.

const BIN = createRequire(import.meta.url).resolve('appsync-local/package.json').replace(/package\.json$/, 'bin/appsync-local.js');
const workDir = mkdtempSync(join(tmpdir(), 'serve-cdk-out-'));
let assembly: string;
let serve: ChildProcess;
let output = '';

function bannerValue(label: string): string {
  const match = output.match(new RegExp(`^${label}\\s{2,}(.+)$`, 'm'));
  if (!match) {
    throw new Error(`appsync-local serve printed no "${label}" line:\n${output}`);
  }
  return match[1];
}

beforeAll(async () => {
  assembly = await waitForEventsAssembly();
  serve = spawn(process.execPath, [BIN, 'serve', assembly, '--port', '0'], {
    cwd: workDir,
    env: { ...process.env, DYNAMODB_ENDPOINT: await sharedDynamoDBEndpoint() },
  });
  serve.stdout!.on('data', (chunk) => (output += chunk));
  serve.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!/^DynamoDB /m.test(output)) {
    expect(Date.now(), output).toBeLessThan(deadline);
    expect(serve.exitCode, output).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 180_000);

afterAll(() => {
  serve?.kill('SIGTERM');
  rmSync(workDir, { recursive: true, force: true });
});

describe('appsync-local serve on the Events API cloud assembly', () => {
  it('answers a query with the API key the banner prints', async () => {
    const api = graphqlClient(bannerValue('GraphQL endpoint'), { 'x-api-key': bannerValue('API key') });
    const { data, errors } = await api.request('{ health { status } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ health: { status: 'OK' } });
  });

  it("creates and reads an event as a user of the template's user pool, with a token from appsync-local token", async () => {
    const minted = spawnSync(process.execPath, [BIN, 'token', assembly, '--user', 'ada'], { cwd: workDir, encoding: 'utf8' });
    expect(minted.status, minted.stderr).toBe(0);
    const token = minted.stdout.trim().split('\n').at(-1)!;
    const asAda = graphqlClient(bannerValue('GraphQL endpoint'), { authorization: token });
    const created = await asAda.request(CREATE_EVENT, { input: eventInput({ title: 'Served from cdk.out' }) });
    expect(created.errors).toBeUndefined();
    const { eventId } = (created.data as { createEvent: { eventId: string } }).createEvent;
    const read = await asAda.request(GET_EVENT, { eventId });
    expect(read.data).toMatchObject({ getEvent: { eventId, title: 'Served from cdk.out' } });
  });

  it('mints tokens only for groups the pool has, as Cognito would', () => {
    const admin = spawnSync(process.execPath, [BIN, 'token', assembly, '--user', 'root', '--group', 'admins'], { cwd: workDir, encoding: 'utf8' });
    expect(admin.status, admin.stderr).toBe(0);
    const unknown = spawnSync(process.execPath, [BIN, 'token', assembly, '--user', 'root', '--group', 'wizards'], { cwd: workDir, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('the user pool has no group wizards; its groups: admins');
  });
});
