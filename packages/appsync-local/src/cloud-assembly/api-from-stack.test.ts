import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiFromStack, appSyncApisOf } from './api-from-stack.ts';
import { readCloudAssembly } from './read-assembly.ts';

// A hand-written assembly: a stack whose schema is an S3 asset and whose
// resolver code is inline, and a Stage (a nested assembly) whose API uses
// what the runtime does not emulate.

const ASSEMBLY = fileURLToPath(new URL('../test-fixtures/assembly', import.meta.url));

describe('reading a cloud assembly', () => {
  const stacks = readCloudAssembly(ASSEMBLY);

  it("finds the stacks, those of its Stages too, and each one's APIs", () => {
    expect(stacks.map((stack) => stack.name)).toEqual(['Blog', 'Prod/ProdLegacy']);
    expect(appSyncApisOf(stacks[0])).toEqual([{ logicalId: 'BlogApi', name: 'blog-beta' }]);
  });

  it('reads the schema from its asset, inline code, data sources and API keys', () => {
    const api = apiFromStack(stacks[0], 'BlogApi');
    expect(api.name).toBe('blog-beta');
    expect(api.schema).toContain('echo(text: String!): String');
    expect(api.noneDataSources).toEqual(['none']);
    expect(api.resolvers).toEqual([
      { kind: 'UNIT', typeName: 'Query', fieldName: 'echo', dataSource: 'none', codeFile: expect.any(String) },
    ]);
    expect(readFileSync(api.resolvers[0].codeFile, 'utf8')).toContain('payload: ctx.args.text');
    expect(api.apiKeys).toEqual([{ key: 'da2-local-blogkey', expiresAt: undefined }]);
    expect(api.defaultAuth).toBe('API_KEY');
    expect(api.unsupported).toEqual([]);
  });

  it('lists everything it does not emulate, with where it is', () => {
    const api = apiFromStack(stacks[1], 'LegacyApi');
    expect(api.unsupported).toEqual([
      'data source weather (WeatherSource): type AMAZON_OPENSEARCH_SERVICE is not emulated',
      'resolver Query.weather (WeatherResolver): VTL mapping templates are not emulated',
    ]);
  });
});
