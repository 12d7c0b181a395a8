import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import {
  BUNDLE_DIR,
  functionSourcePath,
  functionWiring,
  resolverSourcePath,
  resolverWiring,
} from '../model/api-wiring.ts';
import { fromProjectRoot, PROJECT_ROOT } from '../model/project-paths.ts';

// One ESM bundle per resolver and per pipeline function, as the APPSYNC_JS
// runtime takes them: `@aws-appsync/*` stay imports (AppSync provides them),
// shared helpers are inlined, and an inline source map without sources keeps
// runtime errors pointing at TypeScript lines.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html#additional-utilities

export interface BuildOptions {
  /** where bundles go; default build/appsync */
  outDir?: string;
  /** keep rebuilding a bundle whenever its sources change */
  watch?: boolean;
  /** called after each rebuild in watch mode */
  onRebuild?: (result: { errors: string[] }) => void;
}

export interface ResolverBuild {
  /** bundle path → size in bytes */
  sizes: Map<string, number>;
  stop(): Promise<void>;
}

function entryPoints(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const wiring of resolverWiring) {
    entries[`resolvers/${wiring.typeName}.${wiring.fieldName}`] = fromProjectRoot(resolverSourcePath(wiring));
  }
  for (const fn of functionWiring) {
    entries[`functions/${fn.name}`] = fromProjectRoot(functionSourcePath(fn.name));
  }
  return entries;
}

function apiVersion(): string {
  return JSON.parse(readFileSync(fromProjectRoot('package.json'), 'utf8')).version;
}

function reportRebuilds(onRebuild: BuildOptions['onRebuild']): esbuild.Plugin {
  return {
    name: 'report-rebuilds',
    setup(build) {
      build.onEnd((result) => onRebuild?.({ errors: result.errors.map((error) => error.text) }));
    },
  };
}

/** How one APPSYNC_JS bundle is built; shared with tools that bundle a single resolver (local/evaluate-cli.ts). */
export function appsyncBundleOptions(): esbuild.BuildOptions {
  return {
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    external: ['@aws-appsync/utils', '@aws-appsync/utils/*'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    define: { API_VERSION: JSON.stringify(apiVersion()) },
  };
}

export async function buildResolverBundles(options: BuildOptions = {}): Promise<ResolverBuild> {
  const outdir = fromProjectRoot(options.outDir ?? BUNDLE_DIR);
  const config: esbuild.BuildOptions = {
    ...appsyncBundleOptions(),
    entryPoints: entryPoints(),
    outdir,
    metafile: true,
  };
  if (options.watch) {
    const context = await esbuild.context({ ...config, plugins: [reportRebuilds(options.onRebuild)] });
    await context.rebuild();
    await context.watch();
    return { sizes: new Map(), stop: () => context.dispose() };
  }
  const result = await esbuild.build(config);
  const sizes = new Map(
    Object.entries(result.metafile?.outputs ?? {}).map(([path, output]) => [relative(PROJECT_ROOT, path), output.bytes]),
  );
  return { sizes, stop: async () => {} };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { sizes } = await buildResolverBundles();
  for (const [path, bytes] of [...sizes].sort()) {
    console.log(`${path}  ${(bytes / 1024).toFixed(1)} KiB`);
  }
}
