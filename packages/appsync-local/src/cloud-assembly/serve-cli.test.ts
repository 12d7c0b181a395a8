import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `appsync-local serve` refuses, before starting anything, what it cannot serve faithfully.

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/appsync-local.js', import.meta.url));
const ASSEMBLY = fileURLToPath(new URL('../test-fixtures/assembly', import.meta.url));

function serve(...args: string[]) {
  return run(process.execPath, [BIN, 'serve', ASSEMBLY, '--port', '0', ...args]);
}

describe('appsync-local serve', () => {
  it('lists the APIs to pick from when the assembly has several', async () => {
    await expect(serve()).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('has several AppSync APIs; pick one with --api:\n  blog-beta (Blog/BlogApi)\n  legacy (Prod/ProdLegacy/LegacyApi)'),
    });
  });

  it('refuses an API using what it does not emulate, listing what and where', async () => {
    await expect(serve('--api', 'legacy')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'appsync-local cannot serve legacy; not emulated:\n' +
          '  data source weather (WeatherSource): type AMAZON_OPENSEARCH_SERVICE is not emulated\n' +
          '  resolver Query.weather (WeatherResolver): VTL mapping templates are not emulated',
      ),
    });
  });

  it('says a folder without a manifest is no cloud assembly', async () => {
    await expect(run(process.execPath, [BIN, 'serve', fileURLToPath(new URL('.', import.meta.url))])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a cloud assembly\'s manifest: run cdk synth first'),
    });
  });
});
