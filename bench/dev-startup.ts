import { spawn } from 'node:child_process';
import { fromProjectRoot } from '../model/project-paths.ts';

// How long `npm run dev` takes from the command to a served API (its banner,
// printed once DynamoDB Local answers and the server listens), as a developer
// waits for it. A figure for the bench, not an assertion in the test suite:
// on a loaded machine it varies by a factor of several.

const READY_LINE = 'Ctrl-C stops everything';
const GIVE_UP_MS = 60_000;

function timeOneStart(): Promise<number> {
  const started = performance.now();
  const dev = spawn('npm', ['run', 'dev'], {
    cwd: fromProjectRoot('.'),
    env: { ...process.env, PORT: '0', DYNAMODB_IN_MEMORY: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const giveUp = setTimeout(() => dev.kill('SIGTERM'), GIVE_UP_MS);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(READY_LINE)) {
        const elapsed = performance.now() - started;
        clearTimeout(giveUp);
        dev.once('exit', () => resolve(elapsed));
        dev.kill('SIGTERM');
      }
    };
    dev.stdout.on('data', collect);
    dev.stderr.on('data', collect);
    dev.once('exit', (code) => {
      if (!output.includes(READY_LINE)) {
        clearTimeout(giveUp);
        reject(new Error(`npm run dev exited (${code}) before serving:\n${output}`));
      }
    });
  });
}

/** Milliseconds from `npm run dev` to its banner, for each of `runs` starts one after another. */
export async function timeDevStartups(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    times.push(Math.round(await timeOneStart()));
  }
  return times;
}
