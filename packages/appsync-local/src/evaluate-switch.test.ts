import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPSYNC_JS, evaluate } from './evaluate-switch.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html

describe('evaluate', () => {
  it('evaluates a handler with the EvaluateCode contract, locally or on AWS', async () => {
    const code = 'export function request(ctx) { return { sum: ctx.args.a + ctx.args.b }; }\nexport function response(ctx) { return ctx.result; }';
    const response = await evaluate({ runtime: APPSYNC_JS, code, context: '{"arguments":{"a":2,"b":3}}', function: 'request' });
    expect(response).toEqual({ evaluationResult: '{"sum":5}', logs: [], stash: '{}', outErrors: '[]' });
  });

  it('stops with one line, rather than testing locally, when EVALUATE_WITH_APPSYNC=1 finds no AWS credentials', () => {
    // a home without ~/.aws and no AWS_* variables: the SDK's credential chain finds nothing
    const home = mkdtempSync(join(tmpdir(), 'no-aws-'));
    const loaded = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', "await import('./evaluate-switch.ts')"],
      {
        cwd: import.meta.dirname,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', EVALUATE_WITH_APPSYNC: '1' },
      },
    );
    rmSync(home, { recursive: true });
    expect(loaded.status).not.toBe(0);
    expect(loaded.stderr).toMatch(
      /Error: EVALUATE_WITH_APPSYNC=1 needs AWS credentials and a region \([^\n)]+\); set them or unset EVALUATE_WITH_APPSYNC\n/,
    );
  });
});
