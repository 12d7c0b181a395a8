import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { App } from 'aws-cdk-lib/core';
import { EventsApiStack, eventsApiStackName } from '../infra/events-api-stack.ts';
import { fromProjectRoot } from '../model/project-paths.ts';
import { buildResolverBundles } from './build-resolvers.ts';

// `npm run check:templates`: each stage's template checked against
// CloudFormation's validation rules, which `cdk synth` runs and treats as
// errors (the infra tests check what the templates hold, not these rules).
// `npm test` runs it as a step of its own, beside lint and typecheck, as the
// tool it is: its validator is 9 MB of WebAssembly that costs 4–5 s of CPU to
// set up, more than all the infra tests together.
//
// V8's optimizing tier would compile the validator's hot functions in the
// background for far more CPU than they then save (measured: dev and prod
// validated in 4.3 s of CPU with the baseline compiler alone, 8.3 s with both
// tiers). The flag changes how V8 compiles WebAssembly, not what it
// computes; it is set before the validator's module is compiled.
setFlagsFromString('--liftoff-only');

const STAGES = ['dev', 'prod'] as const;

// kept when a rule fails: the error names the validation report in it
const workDir = mkdtempSync(join(tmpdir(), 'check-templates-'));
const bundleDir = join(workDir, 'bundles');
await buildResolverBundles({ outDir: bundleDir });
const { context } = JSON.parse(readFileSync(fromProjectRoot('cdk.json'), 'utf8')) as { context: Record<string, unknown> };
for (const stage of STAGES) {
  const app = new App({ context, outdir: join(workDir, `cdk.out-${stage}`), builtinCloudFormationValidation: true });
  new EventsApiStack(app, eventsApiStackName(stage), { stage, allowedOrigins: ['https://events.example.com'], bundleDir });
  // a violation throws here, naming the resource and the rule
  app.synth();
}
rmSync(workDir, { recursive: true, force: true });
console.log(`CloudFormation's validation rules pass for ${STAGES.join(' and ')}`);
