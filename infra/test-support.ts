// Shared by the infra tests: synthesize with the same feature flags as
// `cdk synth` (cdk.json's context), against resolver bundles built afresh into
// a temporary directory, so no test depends on an earlier `npm run build`.
// `cdk synth` also checks every template with CloudFormation's validation
// rules (a WebAssembly validator costing seconds of CPU): the test bed leaves
// that to scripts/check-templates.ts, a step of npm test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib/core';
import { Template } from 'aws-cdk-lib/assertions';
import { fromProjectRoot } from '../model/project-paths.ts';
import { buildResolverBundles } from '../scripts/build-resolvers.ts';
import { EventsApiStack, type EventsApiStackProps } from './events-api-stack.ts';

export interface InfraTestBed {
  /** absolute directory holding resolvers/*.js and functions/*.js */
  readonly bundleDir: string;
  /** a new App with cdk.json's context, synthesizing into a directory of its own */
  app(): App;
  /** a new, environment-agnostic Stack in a new App */
  stack(): Stack;
  /** synthesizes an EventsApiStack (dev, bundles from this test bed unless overridden) */
  synthStack(props?: Partial<EventsApiStackProps>): Template;
  /** the file a resolver's or function's `CodeS3Location` points to, as staged in the cloud assembly */
  stagedAsset(template: Template, codeS3Location: unknown): string;
  cleanup(): void;
}

function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(fromProjectRoot('cdk.json'), 'utf8')).context;
}

/** A day-aligned date AppSync accepts as the API key expiry whenever the tests run. */
export function apiKeyExpiryInDays(days: number): Date {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
}

export async function createInfraTestBed(): Promise<InfraTestBed> {
  const root = mkdtempSync(join(tmpdir(), 'events-infra-test-'));
  const bundleDir = join(root, 'bundles');
  await buildResolverBundles({ outDir: bundleDir });
  const outdirs = new Map<Template, string>();

  const app = (): App =>
    new App({
      context: cdkJsonContext(),
      outdir: mkdtempSync(join(root, 'cdk.out-')),
      builtinCloudFormationValidation: false,
    });
  return {
    bundleDir,
    app,
    stack: () => new Stack(app(), 'TestStack'),
    synthStack(props = {}) {
      const stackApp = app();
      const stack = new EventsApiStack(stackApp, 'EventsApi-test', { stage: 'dev', bundleDir, ...props });
      const template = Template.fromStack(stack);
      outdirs.set(template, stackApp.outdir);
      return template;
    },
    stagedAsset(template, codeS3Location) {
      const outdir = outdirs.get(template);
      const key = /[0-9a-f]{64}\.js/.exec(JSON.stringify(codeS3Location))?.[0];
      if (!outdir || !key) {
        throw new Error(`no staged asset for ${JSON.stringify(codeS3Location)}`);
      }
      return readFileSync(join(outdir, `asset.${key}`), 'utf8');
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
