import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionWiring, resolverWiring, type FunctionWiring, type ResolverWiring } from '../../../model/api-wiring.ts';
import { buildResolverBundles } from '../../../scripts/build-resolvers.ts';
import { loadResolverDefinitions } from './resolver-definitions.ts';

const HANDLERS =
  'export function request(ctx) { return {}; }\nexport function response(ctx) { return ctx.prev.result; }\n';

describe('loading the resolver definitions', () => {
  const bundleDir = mkdtempSync(join(tmpdir(), 'resolver-definitions-'));
  beforeAll(() => {
    mkdirSync(join(bundleDir, 'resolvers'));
    mkdirSync(join(bundleDir, 'functions'));
  });
  afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

  it('wires unit and pipeline resolvers to their bundles, functions in order', () => {
    writeFileSync(join(bundleDir, 'resolvers/Query.echo.js'), HANDLERS);
    writeFileSync(join(bundleDir, 'resolvers/Mutation.save.js'), HANDLERS);
    writeFileSync(join(bundleDir, 'functions/check.js'), HANDLERS);
    writeFileSync(join(bundleDir, 'functions/store.js'), HANDLERS);
    const resolvers: ResolverWiring[] = [
      { kind: 'UNIT', typeName: 'Query', fieldName: 'echo', dataSource: 'NONE' },
      { kind: 'PIPELINE', typeName: 'Mutation', fieldName: 'save', functions: ['check', 'store'] },
    ];
    const functions: FunctionWiring[] = [
      { name: 'store', dataSource: 'events' },
      { name: 'check', dataSource: 'NONE' },
    ];
    const [echo, save] = loadResolverDefinitions(bundleDir, resolvers, functions);
    expect(echo).toMatchObject({ kind: 'UNIT', typeName: 'Query', fieldName: 'echo', dataSource: 'NONE' });
    expect(echo.bundle).toEqual({ fileName: join(bundleDir, 'resolvers/Query.echo.js'), code: HANDLERS });
    expect(save.kind === 'PIPELINE' && save.functions.map((fn) => [fn.name, fn.dataSource])).toEqual([
      ['check', 'NONE'],
      ['store', 'events'],
    ]);
  });

  it('names the missing bundle in one line and says how to make it', () => {
    const resolvers: ResolverWiring[] = [{ kind: 'UNIT', typeName: 'Query', fieldName: 'absent', dataSource: 'NONE' }];
    expect(() => loadResolverDefinitions(bundleDir, resolvers, [])).toThrow(
      `Missing bundle ${join(bundleDir, 'resolvers/Query.absent.js')} for resolver Query.absent: run npm run build`,
    );
  });

  it('refuses a bundle AppSync would refuse, naming the construct and its line', () => {
    writeFileSync(join(bundleDir, 'resolvers/Query.loop.js'), 'export function request(ctx) {\n  while (true) {}\n}\n');
    const resolvers: ResolverWiring[] = [{ kind: 'UNIT', typeName: 'Query', fieldName: 'loop', dataSource: 'NONE' }];
    expect(() => loadResolverDefinitions(bundleDir, resolvers, [])).toThrow(
      'Query.loop.js:2:3: While statements are not supported.',
    );
  });

  it("loads the project's own wiring once its bundles are built", async () => {
    const outDir = join(bundleDir, 'project');
    await buildResolverBundles({ outDir });
    const definitions = loadResolverDefinitions(outDir, resolverWiring, functionWiring);
    expect(definitions.map((definition) => `${definition.typeName}.${definition.fieldName}`)).toEqual(
      resolverWiring.map((wiring) => `${wiring.typeName}.${wiring.fieldName}`),
    );
  });
});
