import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { PROJECT_ROOT } from '../../../../model/project-paths.ts';
import { appsyncBundleOptions } from '../../../../scripts/build-resolvers.ts';
import type { CodeBundle } from '../types.ts';

/** A TypeScript resolver to bundle: a file, or source text standing for one. */
export type TypeScriptEntry = { path: string } | { contents: string; sourcefile: string };

/**
 * Bundles one resolver exactly as `npm run build` does. `fileName` is where
 * the bundle would live, relative to the project root; its inline source map
 * then points at the TypeScript relative to it.
 */
export async function bundleTypeScript(entry: TypeScriptEntry, fileName: string): Promise<CodeBundle> {
  const input: esbuild.BuildOptions =
    'path' in entry
      ? { entryPoints: [resolve(entry.path)] }
      : { stdin: { contents: entry.contents, sourcefile: entry.sourcefile, loader: 'ts', resolveDir: PROJECT_ROOT } };
  const result = await esbuild.build({
    ...appsyncBundleOptions(),
    ...input,
    absWorkingDir: PROJECT_ROOT,
    outfile: resolve(PROJECT_ROOT, fileName),
    write: false,
  });
  return { fileName, code: result.outputFiles[0].text };
}
