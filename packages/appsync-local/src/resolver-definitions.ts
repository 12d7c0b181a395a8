import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { resolverName } from './resolver-name.ts';
import { acceptedBundle } from './runtime/compile-bundle.ts';
import type { CodeBundle, PipelineFunctionDefinition, ResolverDefinition } from './types.ts';

// The resolvers an API serves: each field's code file and data source, as
// the app wires them. Each bundle is checked against the APPSYNC_JS rules and
// compiled here, so code AppSync would refuse stops the server at start
// instead of failing a request later.

/** A resolver as an app wires it: the field, its bundle file, and its data source or pipeline functions. */
export type ResolverCode =
  | {
      kind: 'UNIT';
      typeName: string;
      fieldName: string;
      dataSource: string;
      codeFile: string;
      /** `MaxBatchSize`: how many Lambda `BatchInvoke` requests go in one call */
      maxBatchSize?: number;
    }
  | {
      kind: 'PIPELINE';
      typeName: string;
      fieldName: string;
      /** names of pipeline functions, run in order */
      functions: string[];
      codeFile: string;
    };

/** A pipeline function: its name, data source and bundle file. */
export interface FunctionCode {
  name: string;
  dataSource: string;
  codeFile: string;
  /** `MaxBatchSize`: how many Lambda `BatchInvoke` requests go in one call */
  maxBatchSize?: number;
}

export interface LoadResolversOptions {
  /** bundle paths in messages read from here; default the working directory */
  root?: string;
  /** what to do about a missing bundle, e.g. `run npm run build` */
  missingBundleHint?: string;
}

/** Bundle paths in messages read from the root, as a build tool prints them. */
function displayPath(path: string, root: string): string {
  const fromRoot = relative(root, path);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : fromRoot;
}

function bundleReader(options: LoadResolversOptions) {
  const root = resolve(options.root ?? '.');
  const hint = options.missingBundleHint ? `: ${options.missingBundleHint}` : '';
  return (file: string, what: string): CodeBundle => {
    const path = resolve(root, file);
    const fileName = displayPath(path, root);
    let code: string;
    try {
      code = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`Missing bundle ${fileName} for ${what}${hint}`);
    }
    const bundle = { fileName, code };
    acceptedBundle(bundle);
    return bundle;
  };
}

/** Reads and checks the bundle of every resolver and pipeline function. */
export function loadResolverDefinitions(
  resolvers: ResolverCode[],
  functions: FunctionCode[],
  options: LoadResolversOptions = {},
): ResolverDefinition[] {
  const readBundle = bundleReader(options);
  const functionsByName = new Map<string, PipelineFunctionDefinition>(
    functions.map((fn) => [
      fn.name,
      {
        name: fn.name,
        dataSource: fn.dataSource,
        bundle: readBundle(fn.codeFile, `function ${fn.name}`),
        maxBatchSize: fn.maxBatchSize,
      },
    ]),
  );
  return resolvers.map((wiring): ResolverDefinition => {
    const name = resolverName(wiring);
    const bundle = readBundle(wiring.codeFile, `resolver ${name}`);
    const { typeName, fieldName } = wiring;
    if (wiring.kind === 'UNIT') {
      const { dataSource, maxBatchSize } = wiring;
      return { kind: 'UNIT', typeName, fieldName, dataSource, bundle, maxBatchSize };
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
