import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateCommand } from './evaluate-command.ts';

// `appsync-local evaluate`, used like `aws appsync evaluate-code --code … --context … --function …`.
// The command runs in this process; one test runs the CLI in a process of its
// own, as a user does (such a process costs a second or two of CPU).

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/appsync-local.js', import.meta.url));
const RESOLVER = fileURLToPath(new URL('./test-fixtures/resolvers/Query.getPost.ts', import.meta.url));

async function evaluate(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await evaluateCommand(args, { log: (line) => stdout.push(line), error: (line) => stderr.push(line) });
  return { code, stdout, stderr };
}

describe('appsync-local evaluate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evaluate-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bundles a TypeScript resolver with the defines given and prints the EvaluateCode output', async () => {
    const context = join(dir, 'context.json');
    writeFileSync(context, JSON.stringify({ arguments: { id: 'p-7' }, identity: {} }));
    const { code, stdout, stderr } = await evaluate('--code', RESOLVER, '--context', context, '--function', 'request', '--define', 'SERVICE=blog');
    expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
    const output = JSON.parse(stdout.join('\n'));
    expect(JSON.parse(output.evaluationResult)).toEqual({ operation: 'GetItem', key: { id: { S: 'p-7' } } });
    expect(output).toMatchObject({ stash: '{}', outErrors: '[]' });
    expect(output.logs).toEqual([expect.stringContaining('"blog reads post" "p-7"')]);
  });

  it('says how to use it when an option is missing', async () => {
    const { code, stdout, stderr } = await evaluate('--code', RESOLVER);
    expect({ code, stdout }).toEqual({ code: 2, stdout: [] });
    expect(stderr.join('\n')).toContain('usage: appsync-local evaluate --code');
  });

  it('lists its commands when given none it knows', async () => {
    await expect(run(process.execPath, [BIN, 'deploy'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('evaluate   evaluate one resolver handler'),
    });
  });
});
