import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPSYNC_JS, appSyncEvaluator, evaluate } from './evaluate-switch.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html

describe('evaluate', () => {
  it('evaluates a handler with the EvaluateCode contract, locally or on AWS', async () => {
    const code = 'export function request(ctx) { return { sum: ctx.args.a + ctx.args.b }; }\nexport function response(ctx) { return ctx.result; }';
    const response = await evaluate({ runtime: APPSYNC_JS, code, context: '{"arguments":{"a":2,"b":3}}', function: 'request' });
    expect(response).toEqual({ evaluationResult: '{"sum":5}', logs: [], stash: '{}', outErrors: '[]' });
  });

  it('stops with one line, rather than testing locally, when the evaluator EVALUATE_WITH_APPSYNC=1 picks finds no AWS credentials', async () => {
    // a home without ~/.aws and no AWS_* variables: the SDK's credential chain finds nothing
    const home = mkdtempSync(join(tmpdir(), 'no-aws-'));
    const saved = { ...process.env };
    for (const name of Object.keys(process.env).filter((name) => name.startsWith('AWS_'))) {
      delete process.env[name];
    }
    Object.assign(process.env, { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' });
    try {
      await expect(appSyncEvaluator()).rejects.toThrow(
        /^EVALUATE_WITH_APPSYNC=1 needs AWS credentials and a region \([^\n)]+\); set them or unset EVALUATE_WITH_APPSYNC$/,
      );
    } finally {
      for (const name of Object.keys(process.env).filter((name) => !(name in saved))) {
        delete process.env[name];
      }
      Object.assign(process.env, saved);
      rmSync(home, { recursive: true });
    }
  });
});
