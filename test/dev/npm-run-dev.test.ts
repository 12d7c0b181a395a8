import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../model/project-paths.ts';
import { loadLocalUserPoolKeys, mintIdToken } from 'appsync-local';
import { DEFAULT_API_KEY } from '../../dev/config.ts';
import { EVENTS_USER_POOL, USER_POOL_KEYS_DIR } from '../../dev/events-api.ts';
import { graphqlClient } from '../support/graphql-client';

// `npm run dev` as a developer runs it: one command that serves the API and
// the explorer, and that leaves nothing running once it is told to stop,
// even when only npm itself receives the signal (other emulators left their
// server orphaned there).

// How fast it starts is measured by `npm run bench`, not asserted here: on a
// loaded machine a budget only makes the suite flaky.

let dev: ChildProcess;
let output = '';

function banner(label: string): string {
  const match = output.match(new RegExp(`${label}\\s+(\\S+)`));
  if (!match) {
    throw new Error(`npm run dev printed no "${label}" line:\n${output}`);
  }
  return match[1];
}

/** The commands still running in the process group `npm run dev` started (esbuild's service, java, node…). */
function processesLeft(groupId: number): string[] {
  const listing = spawnSync('ps', ['-o', 'comm=', '-g', String(groupId)], { encoding: 'utf8' }).stdout;
  return listing.split('\n').filter((command) => command.trim() !== '');
}

async function answers(url: string): Promise<boolean> {
  return fetch(url, { method: 'POST', signal: AbortSignal.timeout(1_000) }).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  dev = spawn('npm', ['run', 'dev'], {
    cwd: fromProjectRoot('.'),
    env: { ...process.env, PORT: '0', DYNAMODB_IN_MEMORY: 'true', ALLOWED_ORIGINS: '', STAGE: 'dev' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so that cleanup can reach whatever a failure left behind
    detached: true,
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const waiting = setInterval(() => {
      if (output.includes('Ctrl-C stops everything')) {
        clearInterval(waiting);
        resolve();
      }
    }, 50);
    dev.once('exit', (code) => reject(new Error(`npm run dev exited with ${code}:\n${output}`)));
  });
}, 60_000);

afterAll(() => {
  try {
    process.kill(-dev.pid!, 'SIGKILL');
  } catch {
    // the group is gone: nothing was left behind
  }
});

describe('npm run dev', () => {
  it('serves the API and the explorer', async () => {
    const api = graphqlClient(banner('GraphQL endpoint'), { 'x-api-key': DEFAULT_API_KEY });
    const { data } = await api.request('{ health { status database { reachable } } }');
    expect(data).toEqual({ health: { status: 'OK', database: { reachable: true } } });
    const explorer = await fetch(banner('Explorer'));
    expect(await explorer.text()).toContain('graphiql');
  });

  it('logs no token and no request body', async () => {
    const keys = await loadLocalUserPoolKeys({ directory: USER_POOL_KEYS_DIR });
    const token = await mintIdToken(keys, { username: 'dev-log-check', pool: EVENTS_USER_POOL });
    const api = graphqlClient(banner('GraphQL endpoint'), { authorization: token });
    const secretTitle = 'A title that must not reach the log';
    const { data } = await api.request(
      `mutation { createEvent(input: { title: "${secretTitle}", description: "d", date: "2025-06-01", location: "l", capacity: 1, organizer: "o" }) { eventId } }`,
    );
    expect(data!.createEvent.eventId).toBeTruthy();
    await api.request(`{ getEvent(eventId: "${'x'.repeat(200)}") { eventId } }`);
    expect(output).not.toContain(token.slice(-40));
    expect(output).not.toContain(secretTitle);
  });

  // superviseDynamoDBLocal's own test shows the restart; this one costs a JVM start to show dev's wiring
  // of it: the supervisor's lines reach dev's output, and the in-memory tables are made again (health
  // reads the events table, so it says OK only once they are)
  it('says when DynamoDB Local dies, restarts it, and health is OK again once it is back', async () => {
    const java = spawnSync('ps', ['-o', 'pid=,comm=', '-g', String(dev.pid)], { encoding: 'utf8' })
      .stdout.split('\n')
      .map((line) => line.trim().split(/\s+/))
      .find(([, command]) => command === 'java');
    expect(java, 'DynamoDB Local runs in the group of npm run dev').toBeDefined();
    process.kill(Number(java![0]), 'SIGKILL');
    const api = graphqlClient(banner('GraphQL endpoint'), { 'x-api-key': DEFAULT_API_KEY });
    const deadline = Date.now() + 45_000;
    let status = '';
    while ((status !== 'OK' || !output.includes('DynamoDB Local is back on')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await api.request('{ health { status } }')).data?.health.status;
    }
    expect(output).toMatch(new RegExp(`DynamoDB Local \\(pid ${java![0]}\\) exited \\(SIGKILL\\); restarting it`));
    expect(output).toMatch(/DynamoDB Local is back on/);
    expect(status).toBe('OK');
  }, 60_000);

  it('stops the server, DynamoDB Local and every process it started (esbuild too) when npm gets SIGTERM', async () => {
    const endpoint = banner('GraphQL endpoint');
    const database = banner('DynamoDB').replace(/,$/, '');
    expect(await answers(database)).toBe(true);
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
    const deadline = Date.now() + 10_000;
    while ((await answers(endpoint)) || (await answers(database)) || processesLeft(dev.pid!).length > 0) {
      expect(Date.now(), `still running: ${processesLeft(dev.pid!).join(', ')}`).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 20_000);
});

describe('npm run dev on a busy port', () => {
  // the port is checked before anything else starts: the DynamoDB endpoint given
  // accepts no connection, and reaching it would print another message
  it('exits with one line that says what to do, before it starts anything', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = spawnSync('npm', ['run', '--silent', 'dev'], {
        cwd: fromProjectRoot('.'),
        env: {
          ...process.env,
          PORT: String(port),
          DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`npm run dev: port ${port} is in use: set PORT to a free port (e.g. PORT=4001 npm run dev)`);
    } finally {
      blocker.close();
    }
  }, 40_000);
});
