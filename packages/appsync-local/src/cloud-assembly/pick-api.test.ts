import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pickServableApi, UnsupportedApiError, UsageError } from './pick-api.ts';

// `appsync-local serve` refuses, before starting anything, what it cannot
// serve faithfully (the CLI prints these messages; a UsageError exits 2,
// anything else 1).

const ASSEMBLY = fileURLToPath(new URL('../test-fixtures/assembly', import.meta.url));
const ALL_FEATURES = fileURLToPath(new URL('../test-fixtures/all-features/cdk.out', import.meta.url));

describe('appsync-local serve', () => {
  it('lists the APIs to pick from when the assembly has several', () => {
    expect(() => pickServableApi({ directory: ASSEMBLY })).toThrow(
      new UsageError(`${ASSEMBLY} has several AppSync APIs; pick one with --api:\n  blog-beta (Blog/BlogApi)\n  legacy (Prod/ProdLegacy/LegacyApi)`),
    );
  });

  it('picks by --api, by --stack (a stack with its nested stacks, or a Stage), or says there is none', () => {
    expect(pickServableApi({ directory: ALL_FEATURES, api: 'status' }).name).toBe('status');
    expect(pickServableApi({ directory: ALL_FEATURES, api: 'PostsApiB6037EEB' }).name).toBe('posts');
    expect(() => pickServableApi({ directory: ALL_FEATURES, stack: 'Beta' })).toThrow(
      `stack Beta of ${ALL_FEATURES} has several AppSync APIs; pick one with --api:\n` +
        '  posts (Beta/Api/PostsApiB6037EEB)\n' +
        '  status (Beta/Api/StatusNestedStackStatusNestedStackResource166884AB/StatusApi0D0AB574)',
    );
    expect(() => pickServableApi({ directory: ALL_FEATURES, stack: 'Shared' })).toThrow(
      new UsageError(`no AppSync API in stack Shared of ${ALL_FEATURES}`),
    );
  });

  it('refuses an API using what it does not emulate, listing what and where', () => {
    expect(() => pickServableApi({ directory: ASSEMBLY, api: 'legacy' })).toThrow(
      new UnsupportedApiError('legacy', [
        'data source weather (WeatherSource): type AMAZON_OPENSEARCH_SERVICE is not emulated',
        'resolver Query.weather (WeatherResolver): VTL mapping templates are not emulated',
      ]),
    );
  });

  it('says a folder without a manifest is no cloud assembly', () => {
    expect(() => pickServableApi({ directory: fileURLToPath(new URL('.', import.meta.url)) })).toThrow(
      "is not a cloud assembly's manifest: run cdk synth first",
    );
  });
});
