import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import {
  functionBundlePath,
  resolverBundlePath,
  resolverName,
  type FunctionWiring,
  type ResolverWiring,
} from '../../../model/api-wiring.ts';
import { PROJECT_ROOT } from '../../../model/project-paths.ts';
import { acceptedBundle } from './runtime/compile-bundle.ts';
import type { CodeBundle, PipelineFunctionDefinition, ResolverDefinition } from './types.ts';

// The resolvers the local runtime serves: the wiring the cloud stack uses,
// with the bundles `npm run build` wrote. Each bundle is checked against the
// APPSYNC_JS rules and compiled here, so code AppSync would refuse stops the
// server at start instead of failing a request later.

/** Bundle paths in messages read from the project root, as `npm run build` prints them. */
function displayPath(path: string): string {
  const fromRoot = relative(PROJECT_ROOT, path);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : fromRoot;
}

function readBundle(path: string, what: string): CodeBundle {
  const fileName = displayPath(path);
  let code: string;
  try {
    code = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Missing bundle ${fileName} for ${what}: run npm run build`);
  }
  const bundle = { fileName, code };
  acceptedBundle(bundle);
  return bundle;
}

/**
 * Reads and checks the bundle of every resolver and pipeline function in the
 * wiring. `bundleDir` is where `npm run build` writes (build/appsync).
 */
export function loadResolverDefinitions(
  bundleDir: string,
  resolvers: ResolverWiring[],
  functions: FunctionWiring[],
): ResolverDefinition[] {
  const functionsByName = new Map<string, PipelineFunctionDefinition>(
    functions.map((fn) => [
      fn.name,
      {
        name: fn.name,
        dataSource: fn.dataSource,
        bundle: readBundle(functionBundlePath(fn.name, bundleDir), `function ${fn.name}`),
      },
    ]),
  );
  return resolvers.map((wiring): ResolverDefinition => {
    const name = resolverName(wiring);
    const bundle = readBundle(resolverBundlePath(wiring, bundleDir), `resolver ${name}`);
    const { typeName, fieldName } = wiring;
    if (wiring.kind === 'UNIT') {
      return { kind: 'UNIT', typeName, fieldName, dataSource: wiring.dataSource, bundle };
    }
    const pipelineFunctions = wiring.functions.map((fnName) => {
      const fn = functionsByName.get(fnName);
      if (!fn) {
        throw new Error(`Pipeline resolver ${name} runs function ${fnName}, which the function wiring does not define`);
      }
      return fn;
    });
    return { kind: 'PIPELINE', typeName, fieldName, bundle, functions: pipelineFunctions };
  });
}
