import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionBundlePath, functionWiring, resolverBundlePath, resolverWiring } from '../model/api-wiring.ts';
import { APPSYNC_CODE_LIMIT_BYTES, buildResolverBundles } from './build-resolvers.ts';

const outDir = mkdtempSync(join(tmpdir(), 'resolver-bundles-'));
const bundlePaths = [
  ...resolverWiring.map((wiring) => resolverBundlePath(wiring, outDir)),
  ...functionWiring.map((fn) => functionBundlePath(fn.name, outDir)),
];

beforeAll(async () => {
  await buildResolverBundles({ outDir });
});

describe('buildResolverBundles', () => {
  it('writes one bundle per wired resolver and function, each under AppSync’s code limit', () => {
    for (const path of bundlePaths) {
      expect(statSync(path).size, path).toBeLessThan(APPSYNC_CODE_LIMIT_BYTES);
    }
  });

  it('leaves @aws-appsync imports to the runtime and inlines our own helpers', () => {
    const code = readFileSync(resolverBundlePath({ typeName: 'Mutation', fieldName: 'createEvent' }, outDir), 'utf8');
    expect(code).toMatch(/from "@aws-appsync\/utils"/);
    expect(code).not.toMatch(/from "\.\.?\//);
    expect(code).toMatch(/export \{[^}]*request[^}]*response[^}]*\}|export function request/);
  });

  it('does not rewrite a bundle whose content is unchanged, so a running server never sees it half-written', async () => {
    const before = bundlePaths.map((path) => statSync(path).mtimeMs);
    await buildResolverBundles({ outDir });
    expect(bundlePaths.map((path) => statSync(path).mtimeMs)).toEqual(before);
  });
});
