import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromProjectRoot } from '../model/project-paths.ts';

// How long `npx appsync-local serve` takes on the Events API's cloud assembly
// from the command to the first answered query (DynamoDB Local's start
// included), as a developer waits for it. The runs share one working folder,
// so after the first the tables exist, as on a developer's second start.
// A figure for the bench: on a loaded machine it varies by a factor of several.

const GIVE_UP_MS = 60_000;
const HEALTH_QUERY = JSON.stringify({ query: '{ health { status } }' });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function firstAnswer(url: string, apiKey: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: HEALTH_QUERY,
  });
  const body = (await response.json()) as { data?: { health?: { status?: string } } };
  if (!body.data?.health?.status) {
    throw new Error(`the served API answered ${JSON.stringify(body)}`);
  }
}

async function timeOneStart(assembly: string, workDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // its own process group: npx does not pass SIGTERM on to the server; the
  // project's installed bin, run in a folder of its own for its state
  const serve = spawn('npx', ['--prefix', fromProjectRoot('.'), 'appsync-local', 'serve', assembly, '--port', String(port)], {
    cwd: workDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => serve.once('exit', resolve));
  try {
    const apiKey = await new Promise<string>((resolve, reject) => {
      const giveUp = setTimeout(() => reject(new Error(`appsync-local serve printed no API key within ${GIVE_UP_MS} ms:\n${output}`)), GIVE_UP_MS);
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const key = output.match(/^API key\s{2,}(\S+)$/m)?.[1];
        if (key) {
          clearTimeout(giveUp);
          resolve(key);
        }
      };
      serve.stdout.on('data', collect);
      serve.stderr.on('data', collect);
      void exited.then(() => reject(new Error(`appsync-local serve exited before serving:\n${output}`)));
    });
    await firstAnswer(`http://127.0.0.1:${port}/graphql`, apiKey);
    return performance.now() - started;
  } finally {
    if (serve.exitCode === null && serve.signalCode === null) {
      process.kill(-serve.pid!, 'SIGTERM');
    }
    await exited;
  }
}

/** Milliseconds from `npx appsync-local serve` to the first answered query, for each of `runs` starts one after another. */
export async function timeServeStartups(runs: number): Promise<number[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'bench-serve-'));
  const assembly = join(workDir, 'cdk.out');
  try {
    const synth = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', assembly], { cwd: fromProjectRoot('.'), encoding: 'utf8' });
    if (synth.status !== 0) {
      throw new Error(`cdk synth failed:\n${synth.stderr}`);
    }
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      times.push(Math.round(await timeOneStart(assembly, workDir)));
    }
    return times;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
