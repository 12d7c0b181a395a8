import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { CodeBundle } from '../types.ts';

// One ESM bundle per resolver or pipeline function, as the APPSYNC_JS
// runtime takes them: `@aws-appsync/*` stay imports (AppSync provides them),
// shared helpers are inlined, and an inline source map without sources keeps
// runtime errors pointing at TypeScript lines.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html#additional-utilities

export interface BundleOptions {
  /** where relative paths start, and what bundle file names are relative to; default the working directory */
  root?: string;
  /** esbuild `define`: identifiers replaced by JavaScript expressions, e.g. `{ API_VERSION: '"1.0.0"' }` */
  define?: Record<string, string>;
}

/** esbuild's settings for an APPSYNC_JS bundle. */
export function appsyncBundleOptions(options: BundleOptions = {}): esbuild.BuildOptions {
  return {
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    external: ['@aws-appsync/utils', '@aws-appsync/utils/*'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    define: options.define,
  };
}

/** A TypeScript resolver to bundle: a file, or source text standing for one. */
export type TypeScriptEntry = { path: string } | { contents: string; sourcefile: string };

/**
 * Bundles one resolver as AppSync takes it. `fileName` is where the bundle
 * would live, relative to the root; its inline source map then points at the
 * TypeScript relative to it.
 */
export async function bundleTypeScript(
  entry: TypeScriptEntry,
  fileName: string,
  options: BundleOptions = {},
): Promise<CodeBundle> {
  const root = resolve(options.root ?? '.');
  const input: esbuild.BuildOptions =
    'path' in entry
      ? { entryPoints: [resolve(root, entry.path)] }
      : { stdin: { contents: entry.contents, sourcefile: entry.sourcefile, loader: 'ts', resolveDir: root } };
  const result = await esbuild.build({
    ...appsyncBundleOptions(options),
    ...input,
    absWorkingDir: root,
    outfile: resolve(root, fileName),
    write: false,
  });
  return { fileName, code: result.outputFiles[0].text };
}
