import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDynamoDBClient } from './client.ts';
import { JavaNotFoundError, PortInUseError, startDynamoDBLocal, type DynamoDBLocal } from './dynamodb-local.ts';
import { freePort } from './tcp-port.ts';
import { isRunning } from './test-support.ts';

// These start DynamoDB Local instances of their own, beside the one the test run shares.
// A JVM's startup takes 2 s on a quiet machine and many times that on a loaded one:
// the generous timeouts only catch a hang, they assert no speed.

const JVM_TEST_TIMEOUT_MS = 120_000;

const PARENT_FIXTURE = fileURLToPath(new URL('./test-fixtures/dynamodb-local-parent.ts', import.meta.url));

async function waitUntilGone(pid: number, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid) && Date.now() < deadline) {
    await sleep(20);
  }
  return !isRunning(pid);
}

async function tableNames(dynamodbLocal: DynamoDBLocal) {
  const client = createDynamoDBClient({ endpoint: dynamodbLocal.endpoint });
  return (await client.send(new ListTablesCommand({}))).TableNames;
}

function expectOneLine(error: unknown) {
  expect((error as Error).message).not.toMatch(/\n/);
}

describe('startDynamoDBLocal', { timeout: JVM_TEST_TIMEOUT_MS }, () => {
  // each JVM costs seconds of CPU at startup: one test checks all it can on each
  it('starts on the port asked for, answers, writes nothing to dataDir when in memory, and is gone after stop()', async () => {
    const port = await freePort();
    const dataDir = join(tmpdir(), `dynamodb-local-unused-${process.pid}-${Date.now()}`);
    const dynamodbLocal = await startDynamoDBLocal({ inMemory: true, dataDir, port });
    try {
      expect(dynamodbLocal.endpoint).toBe(`http://127.0.0.1:${port}`);
      expect(dynamodbLocal.startupMs).toBeGreaterThan(0);
      expect(await tableNames(dynamodbLocal)).toEqual([]);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await dynamodbLocal.stop();
    }
    expect(isRunning(dynamodbLocal.pid)).toBe(false);
    await expect(tableNames(dynamodbLocal)).rejects.toThrow();
    await dynamodbLocal.stop();
  });

  // what it does with a dataDir (a free port picked, the directory created,
  // the tables kept there and found again after a restart) is checked by
  // supervised-dynamodb-local.test.ts, whose JVMs have one

  it('refuses a port in use before starting Java, in one line that says what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    const port = (blocker.address() as AddressInfo).port;
    try {
      // a Java that does not exist: reaching it would throw JavaNotFoundError instead
      const busy = await startDynamoDBLocal({ port, javaExecutable: '/nonexistent/bin/java' }).catch(
        (error: unknown) => error,
      );
      expect(busy).toBeInstanceOf(PortInUseError);
      expect((busy as Error).message).toBe(
        `Port ${port} is already in use: stop what listens there, or ask for port 0 to get a free one`,
      );
      expectOneLine(busy);
    } finally {
      blocker.close();
    }
  });

  it('says in one line what to do when Java is missing', async () => {
    const error = await startDynamoDBLocal({ javaExecutable: '/nonexistent/bin/java' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(JavaNotFoundError);
    expect((error as Error).message).toMatch(
      /^Java was not found \(tried "\/nonexistent\/bin\/java"\): install a Java runtime/,
    );
    expectOneLine(error);
  });
});

// The JVM is tied to its parent by kill-with-parent.ts (exit and catchable
// signals) and by setpriv --pdeathsig (SIGKILL). Two JVM parents prove both
// ties hold for DynamoDB Local as startDynamoDBLocal runs it; the other ways a
// parent ends are kill-with-parent's alone, checked with a `sleep` child.
describe.concurrent('DynamoDB Local does not outlive the process that started it', { timeout: JVM_TEST_TIMEOUT_MS }, () => {
  async function runParent(mode: 'exit' | 'wait' | 'own-handler', child: 'jvm' | 'sleep') {
    const parent = spawn(process.execPath, ['--import', 'tsx', PARENT_FIXTURE, mode, child], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    parent.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      parent.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + JVM_TEST_TIMEOUT_MS;
    while (!stdout.includes('childPid') && Date.now() < deadline && parent.exitCode === null) {
      await sleep(20);
    }
    const childPid = (
      JSON.parse(stdout.split('\n').find((line) => line.includes('childPid')) ?? '{}') as { childPid: number }
    ).childPid;
    return { parent, childPid, exited, output: () => stdout };
  }

  it('is killed on SIGTERM, and the parent still ends by that signal when it has no handler of its own', async () => {
    const { parent, childPid, exited } = await runParent('wait', 'jvm');
    expect(isRunning(childPid)).toBe(true);
    parent.kill('SIGTERM');
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await waitUntilGone(childPid)).toBe(true);
  });

  it('is killed by the kernel when the parent is SIGKILLed (setpriv --pdeathsig)', async () => {
    const { parent, childPid, exited } = await runParent('wait', 'jvm');
    expect(isRunning(childPid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await waitUntilGone(childPid)).toBe(true);
  });

  it('a child tied by killWithParent is killed when the parent exits', async () => {
    const { childPid, exited } = await runParent('exit', 'sleep');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(await waitUntilGone(childPid)).toBe(true);
  });

  it("a child tied by killWithParent is killed on SIGTERM, and the parent's own SIGTERM handler still runs", async () => {
    const { parent, childPid, exited, output } = await runParent('own-handler', 'sleep');
    parent.kill('SIGTERM');
    expect(await exited).toEqual({ code: 42, signal: null });
    expect(output()).toContain('own handler ran');
    expect(await waitUntilGone(childPid)).toBe(true);
  });
});
