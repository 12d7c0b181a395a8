import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadResolverDefinitions, type FunctionCode, type ResolverCode } from './resolver-definitions.ts';

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
    const resolvers: ResolverCode[] = [
      { kind: 'UNIT', typeName: 'Query', fieldName: 'echo', dataSource: 'NONE', codeFile: 'resolvers/Query.echo.js' },
      {
        kind: 'PIPELINE',
        typeName: 'Mutation',
        fieldName: 'save',
        functions: ['check', 'store'],
        codeFile: 'resolvers/Mutation.save.js',
      },
    ];
    const functions: FunctionCode[] = [
      { name: 'store', dataSource: 'posts', codeFile: 'functions/store.js' },
      { name: 'check', dataSource: 'NONE', codeFile: 'functions/check.js' },
    ];
    const [echo, save] = loadResolverDefinitions(resolvers, functions, { root: bundleDir });
    expect(echo).toMatchObject({ kind: 'UNIT', typeName: 'Query', fieldName: 'echo', dataSource: 'NONE' });
    expect(echo.bundle).toEqual({ fileName: 'resolvers/Query.echo.js', code: HANDLERS });
    expect(save.kind === 'PIPELINE' && save.functions.map((fn) => [fn.name, fn.dataSource])).toEqual([
      ['check', 'NONE'],
      ['store', 'posts'],
    ]);
  });

  it('names the missing bundle in one line and says how to make it', () => {
    const resolvers: ResolverCode[] = [
      { kind: 'UNIT', typeName: 'Query', fieldName: 'absent', dataSource: 'NONE', codeFile: 'resolvers/Query.absent.js' },
    ];
    expect(() =>
      loadResolverDefinitions(resolvers, [], { root: bundleDir, missingBundleHint: 'run npm run build' }),
    ).toThrow('Missing bundle resolvers/Query.absent.js for resolver Query.absent: run npm run build');
  });

  it('refuses a bundle AppSync would refuse, naming the construct and its line', () => {
    writeFileSync(join(bundleDir, 'resolvers/Query.loop.js'), 'export function request(ctx) {\n  while (true) {}\n}\n');
    const loop = join(bundleDir, 'resolvers/Query.loop.js');
    const resolvers: ResolverCode[] = [
      { kind: 'UNIT', typeName: 'Query', fieldName: 'loop', dataSource: 'NONE', codeFile: loop },
    ];
    expect(() => loadResolverDefinitions(resolvers, [])).toThrow(
      'Query.loop.js:2:3: While statements are not supported.',
    );
  });
});
