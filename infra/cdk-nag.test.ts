import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../model/api-settings.ts';
import { EventsApiStack, eventsApiStackName } from './events-api-stack.ts';
import { apiKeyExpiryInDays, createInfraTestBed, type InfraTestBed } from './test-support.ts';

// cdk-nag's AwsSolutions and Serverless packs, run as CDK policy-validation
// plugins: a finding fails the synth and lands in validation-report.json.
// What the stack keeps on purpose is acknowledged beside the construct that
// causes it (Validations.of(...).acknowledge), with the evidence as reason.
// https://github.com/cdklabs/cdk-nag

let bed: InfraTestBed;
beforeAll(async () => {
  bed = await createInfraTestBed();
});
afterAll(() => bed.cleanup());

interface Violation {
  ruleName: string;
  severity: string;
  violatingConstructs: { constructPath: string }[];
}

/** Every unacknowledged finding of both packs on the stack of `stage`, as `rule at path`. */
function nagFindings(stage: Stage): string[] {
  const app = bed.app();
  new EventsApiStack(app, eventsApiStackName(stage), {
    stage,
    bundleDir: bed.bundleDir,
    allowedOrigins: ['https://app.example.com'],
    apiKeyExpiresAt: apiKeyExpiryInDays(100),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  let synthFailure: unknown = null;
  try {
    app.synth();
  } catch (error) {
    synthFailure = error;
  }
  const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8'));
  const findings: string[] = report.pluginReports.flatMap((plugin: { violations: Violation[] }) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map((where) => `${violation.severity} ${violation.ruleName} at ${where.constructPath}`),
    ),
  );
  if (synthFailure && findings.length === 0) {
    throw synthFailure;
  }
  return findings;
}

// Both packs walk every resource of a full synth: about 30 s on a busy machine.
const NAG_SYNTH_TIMEOUT_MS = 120_000;

describe('cdk-nag (AwsSolutions and Serverless packs)', () => {
  it.each(['prod', 'dev'] as const)(
    'finds nothing unacknowledged in the %s stack',
    (stage) => {
      expect(nagFindings(stage)).toEqual([]);
    },
    NAG_SYNTH_TIMEOUT_MS,
  );
});
