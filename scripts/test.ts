import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fromProjectRoot, PROJECT_ROOT } from '../model/project-paths.ts';

// `npm test`: lint, typecheck, the codegen check, CloudFormation's rules on
// the templates, and the resolver build followed by the tests, all at once.
// The checks cost about 25 s of CPU on a cold machine (ESLint 10, tsgo 5,
// the template check 5, codegen 3; ESLint's cache makes a second run 1 s) and
// the tests wait on JVMs and sockets part of the time, so on a 2-core machine
// running them side by side saves the checks' time. Each step's output is
// printed whole when it ends (the tests' last), so nothing interleaves; the
// exit status is 1 if any step failed. The steps run package.json's scripts
// as `npm run` would (with node_modules/.bin on the PATH), without starting
// npm for each (a third of a second of CPU apiece).

interface Step {
  name: string;
  command: string;
}

const { scripts } = JSON.parse(readFileSync(fromProjectRoot('package.json'), 'utf8')) as { scripts: Record<string, string> };

const STEPS: Step[] = [
  { name: 'lint', command: scripts.lint },
  { name: 'typecheck', command: scripts.typecheck },
  { name: 'codegen check', command: `${scripts.codegen} --check` },
  { name: 'template check', command: scripts['check:templates'] },
  { name: 'build and tests', command: `${scripts.build} && vitest run` },
];

interface Outcome {
  step: Step;
  ok: boolean;
  output: string;
  seconds: number;
}

function run(step: Step): Promise<Outcome> {
  const started = performance.now();
  const child = spawn('sh', ['-c', step.command], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PATH: [fromProjectRoot('node_modules/.bin'), process.env.PATH].join(delimiter),
      FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.once('close', (code) => {
      const outcome = { step, ok: code === 0, output, seconds: (performance.now() - started) / 1000 };
      console.log(`${outcome.ok ? 'ok  ' : 'FAIL'} ${step.name} (${outcome.seconds.toFixed(1)} s)`);
      resolve(outcome);
    });
  });
}

const started = performance.now();
const outcomes = await Promise.all(STEPS.map(run));
for (const { step, ok, output } of outcomes) {
  if (output.trim() !== '') {
    console.log(`\n── ${step.name}${ok ? '' : ' (failed)'} ──\n${output.trimEnd()}`);
  }
}
const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.step.name);
console.log(
  `\nnpm test: ${failed.length === 0 ? 'all passed' : `failed: ${failed.join(', ')}`} in ${(
    (performance.now() - started) /
    1000
  ).toFixed(1)} s`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
