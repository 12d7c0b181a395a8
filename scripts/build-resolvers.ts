import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appsyncBundleOptions, type BundleOptions } from 'appsync-local/bundle';
import * as esbuild from 'esbuild';
import {
  BUNDLE_DIR,
  functionSourcePath,
  functionWiring,
  resolverSourcePath,
  resolverWiring,
} from '../model/api-wiring.ts';
import { fromProjectRoot, PROJECT_ROOT } from '../model/project-paths.ts';

// One ESM bundle per resolver and per pipeline function, built as appsync-local
// bundles them (see its bundle-typescript.ts), with the API's version defined.

export interface BuildOptions {
  /** where bundles go; default build/appsync */
  outDir?: string;
  /** keep rebuilding a bundle whenever its sources change */
  watch?: boolean;
  /** called after every build, the first included, with what went wrong (nothing on success) */
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

/** AppSync refuses resolver or function code larger than this. */
export const APPSYNC_CODE_LIMIT_BYTES = 32 * 1024;

/**
 * Replaces a bundle only when its content changed, by renaming a finished
 * file over it: a server that is running (npm run dev, a test file) never
 * reads a half-written bundle.
 */
function writeBundleAtomically(file: esbuild.OutputFile) {
  if (existsSync(file.path) && readFileSync(file.path).equals(file.contents)) {
    return;
  }
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}

function problemsOf(result: esbuild.BuildResult): string[] {
  const oversized = (result.outputFiles ?? [])
    .filter((file) => file.contents.byteLength > APPSYNC_CODE_LIMIT_BYTES)
    .map((file) => `${relative(PROJECT_ROOT, file.path)} is ${file.contents.byteLength} bytes, over AppSync's ${APPSYNC_CODE_LIMIT_BYTES}`);
  return result.errors.map((error) => error.text).concat(oversized);
}

/** Writes each build's bundles (when it succeeded) and reports its problems. */
function writeBundles(onBuilt: (problems: string[], outputs: esbuild.OutputFile[]) => void): esbuild.Plugin {
  return {
    name: 'write-bundles',
    setup(build) {
      build.onEnd((result) => {
        const problems = problemsOf(result);
        const outputs = result.outputFiles ?? [];
        if (problems.length === 0) {
          outputs.forEach(writeBundleAtomically);
        }
        onBuilt(problems, outputs);
      });
    },
  };
}

/** How the Events API's bundles are built; shared with the resolver unit tests, which bundle one at a time. */
export function resolverBundleOptions(): BundleOptions {
  return { root: PROJECT_ROOT, define: { API_VERSION: JSON.stringify(apiVersion()) } };
}

export class ResolverBuildError extends Error {}

export async function buildResolverBundles(options: BuildOptions = {}): Promise<ResolverBuild> {
  let built: { problems: string[]; outputs: esbuild.OutputFile[] } = { problems: [], outputs: [] };
  const context = await esbuild.context({
    ...appsyncBundleOptions(resolverBundleOptions()),
    entryPoints: entryPoints(),
    outdir: fromProjectRoot(options.outDir ?? BUNDLE_DIR),
    write: false,
    plugins: [
      writeBundles((problems, outputs) => {
        built = { problems, outputs };
        options.onRebuild?.({ errors: problems });
      }),
    ],
  });
  await context.rebuild().catch(() => undefined);
  if (built.problems.length > 0) {
    await context.dispose();
    throw new ResolverBuildError(`resolver build failed:\n  ${built.problems.join('\n  ')}`);
  }
  const sizes = new Map(built.outputs.map((file) => [relative(PROJECT_ROOT, file.path), file.contents.byteLength]));
  if (!options.watch) {
    await context.dispose();
    return { sizes, stop: async () => {} };
  }
  await context.watch();
  return { sizes, stop: () => context.dispose() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { sizes } = await buildResolverBundles();
    for (const [path, bytes] of [...sizes].sort()) {
      console.log(`${path}  ${(bytes / 1024).toFixed(1)} KiB`);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
