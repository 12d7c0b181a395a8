import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { fromProjectRoot } from '../../model/project-paths.ts';

// The Events API's cloud assembly, synthesized once for the whole test run,
// for the tests that serve it with `appsync-local serve`: what `npx cdk
// synth` writes, without the CLI (the app reads its output folder and
// cdk.json's context from the variables the CLI sets). It synthesizes in a
// child process while DynamoDB Local starts and the first tests run; those
// that need it wait for it (waitForEventsAssembly). The projects that list
// this setup share the one assembly. Needs the resolver bundles (npm run build).

declare module 'vitest' {
  export interface ProvidedContext {
    eventsAssembly: string;
  }
}

const SHARED = 'EVENTS_TEST_ASSEMBLY';
/** written instead of manifest.json when the synth fails */
export const SYNTH_FAILURE_FILE = 'synth-failure.txt';

export default function setup(project: TestProject) {
  const existing = process.env[SHARED];
  if (existing) {
    project.provide('eventsAssembly', existing);
    return undefined;
  }
  const outdir = mkdtempSync(join(tmpdir(), 'events-assembly-'));
  const { context } = JSON.parse(readFileSync(fromProjectRoot('cdk.json'), 'utf8')) as { context: object };
  const synth = spawn(process.execPath, ['--import', 'tsx', fromProjectRoot('infra/app.ts')], {
    cwd: fromProjectRoot('.'),
    env: {
      ...process.env,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify(context),
      // CloudFormation's validation rules read the template without changing it, and
      // infra/events-api-stack.test.ts checks them; here they would cost 8 s of CPU
      // (measured: the synth takes 10.1 s of CPU with them, 1.6 s without). The
      // validateAgainstDefaultRules context flag does not turn them off (it only
      // decides whether their findings are errors): this variable does.
      CDK_VALIDATION: 'false',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  synth.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  synth.once('exit', (code) => {
    if (code !== 0) {
      writeFileSync(join(outdir, SYNTH_FAILURE_FILE), `synth exited with ${code}:\n${errors}`);
    }
  });
  process.env[SHARED] = outdir;
  project.provide('eventsAssembly', outdir);
  return () => {
    synth.kill();
    delete process.env[SHARED];
    rmSync(outdir, { recursive: true, force: true });
  };
}
