import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../model/project-paths.ts';

// `npm run evaluate`, used like `aws appsync evaluate-code --code … --context … --function …`.

const run = promisify(execFile);

function evaluateCli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'packages/appsync-local/src/evaluate-cli.ts', ...args], { cwd: PROJECT_ROOT });
}

describe('npm run evaluate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evaluate-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bundles a TypeScript resolver and prints the EvaluateCode output', async () => {
    const context = join(dir, 'context.json');
    writeFileSync(context, JSON.stringify({ arguments: { eventId: 'e-7' }, identity: {} }));
    const { stdout } = await evaluateCli(
      '--code',
      'resolvers/Query.getEvent.ts',
      '--context',
      context,
      '--function',
      'request',
    );
    const output = JSON.parse(stdout);
    expect(JSON.parse(output.evaluationResult)).toEqual({ operation: 'GetItem', key: { eventId: { S: 'e-7' } } });
    expect(output).toMatchObject({ logs: [], stash: '{}', outErrors: '[]' });
  });

  it('says how to use it when an option is missing', async () => {
    await expect(evaluateCli('--code', 'resolvers/Query.getEvent.ts')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run evaluate -- --code'),
    });
  });
});
