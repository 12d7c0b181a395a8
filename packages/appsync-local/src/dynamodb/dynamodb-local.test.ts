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
import { JavaNotFoundError, PortInUseError, startDynamoDBLocal } from './dynamodb-local.ts';
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

async function tableNames(endpoint: string) {
  const client = createDynamoDBClient({ endpoint });
  return (await client.send(new ListTablesCommand({}))).TableNames;
}

function expectOneLine(error: unknown) {
  expect((error as Error).message).not.toMatch(/\n/);
}

// Each JVM costs seconds of CPU at startup, so the file starts one, in a parent
// process (below): it shows DynamoDB Local in memory answering and the kernel's
// tie to the parent. What startDynamoDBLocal does on a port asked for, with a
// dataDir, and on stop() (the JVM gone, killWithParent's tie undone) is
// checked by supervised-dynamodb-local.test.ts, whose JVMs start that way.
describe('startDynamoDBLocal', { timeout: JVM_TEST_TIMEOUT_MS }, () => {
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
// signals) and by setpriv --pdeathsig (SIGKILL). A JVM parent proves the
// kernel's tie, which depends on how startDynamoDBLocal launches Java. The
// ways a parent ends that kill-with-parent handles are checked with a `sleep`
// child: the JVM takes that same path (startDynamoDBLocal ties it with
// killWithParent, see supervised-dynamodb-local.test.ts), and a JVM parent
// could not tell it from the kernel's tie, which also fires when the parent dies.
describe.concurrent('DynamoDB Local does not outlive the process that started it', { timeout: JVM_TEST_TIMEOUT_MS }, () => {
  async function runParent(mode: 'exit' | 'wait' | 'own-handler', child: 'jvm' | 'sleep', dataDir = '') {
    const parent = spawn(process.execPath, ['--import', 'tsx', PARENT_FIXTURE, mode, child, dataDir], {
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
    const { childPid, endpoint } = JSON.parse(stdout.split('\n').find((line) => line.includes('childPid')) ?? '{}') as {
      childPid: number;
      endpoint?: string;
    };
    return { parent, childPid, endpoint, exited, output: () => stdout };
  }

  it('answers, in memory (writing nothing to dataDir), and is killed by the kernel when the parent is SIGKILLed (setpriv --pdeathsig)', async () => {
    const dataDir = join(tmpdir(), `dynamodb-local-unused-${process.pid}-${Date.now()}`);
    const { parent, childPid, endpoint, exited } = await runParent('wait', 'jvm', dataDir);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await tableNames(endpoint!)).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
    expect(isRunning(childPid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await waitUntilGone(childPid)).toBe(true);
  });

  it('a child tied by killWithParent is killed on SIGTERM, and the parent still ends by that signal when it has no handler of its own', async () => {
    const { parent, childPid, exited } = await runParent('wait', 'sleep');
    expect(isRunning(childPid)).toBe(true);
    parent.kill('SIGTERM');
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
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
