// Shared by the infra tests: synthesize with the same feature flags as
// `cdk synth` (cdk.json's context), against resolver bundles built afresh into
// a temporary directory, so no test depends on an earlier `npm run build`.
// `cdk synth` also checks every template with CloudFormation's validation
// rules (a WebAssembly validator costing seconds of CPU per synthesis): the
// test bed leaves that out unless asked, and one test asks, per stage.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
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
  /**
   * synthesizes an EventsApiStack (dev, bundles from this test bed unless overridden);
   * with cloudFormationValidation, a violation fails the synthesis as in `cdk synth`
   */
  synthStack(props?: Partial<EventsApiStackProps>, options?: { cloudFormationValidation?: boolean }): Template;
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

/**
 * The validator is 9 MB of WebAssembly that runs for a few seconds: V8's
 * optimizing tier compiles its hot functions in the background for far more
 * CPU than they then save (measured: dev and prod validated in 4.3 s of CPU
 * with the baseline compiler alone, 8.3 s with both tiers). The flag changes
 * how V8 compiles WebAssembly, not what it computes; it must be set before the
 * validator's module is compiled, and stays for this test process.
 */
function useBaselineWebAssemblyCompilerOnly(): void {
  setFlagsFromString('--liftoff-only');
}

export async function createInfraTestBed(): Promise<InfraTestBed> {
  const root = mkdtempSync(join(tmpdir(), 'events-infra-test-'));
  const bundleDir = join(root, 'bundles');
  await buildResolverBundles({ outDir: bundleDir });
  const outdirs = new Map<Template, string>();

  const app = (cloudFormationValidation = false): App =>
    new App({
      context: cdkJsonContext(),
      outdir: mkdtempSync(join(root, 'cdk.out-')),
      builtinCloudFormationValidation: cloudFormationValidation,
    });
  return {
    bundleDir,
    app,
    stack: () => new Stack(app(), 'TestStack'),
    synthStack(props = {}, { cloudFormationValidation } = {}) {
      if (cloudFormationValidation) {
        useBaselineWebAssemblyCompilerOnly();
      }
      const stackApp = app(cloudFormationValidation);
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
