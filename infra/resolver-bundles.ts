import { existsSync } from 'node:fs';
import {
  functionBundlePath,
  resolverBundlePath,
  type FunctionWiring,
  type ResolverWiring,
} from '../model/api-wiring.ts';
import { buildAppSyncSchema, checkWiring } from '../model/check-wiring.ts';
import { fromProjectRoot } from '../model/project-paths.ts';
import { readAppSyncPrelude, readSchema } from '../model/schema-source.ts';

/** The resolvers and pipeline functions to deploy, and where their bundles are. */
export interface WiringToDeploy {
  readonly resolvers: ResolverWiring[];
  readonly functions: FunctionWiring[];
  /** relative to the project root unless absolute */
  readonly bundleDir: string;
}

/**
 * Throws, listing every problem at once, when the wiring does not match
 * schema.graphql (unknown field, root field left without a resolver, unknown
 * pipeline function, missing source file), so a broken API never reaches
 * CloudFormation.
 */
export function assertWiringMatchesSchema(wiring: WiringToDeploy): void {
  const schema = buildAppSyncSchema(readAppSyncPrelude(), readSchema());
  const problems = checkWiring(schema, (path) => existsSync(fromProjectRoot(path)), wiring.resolvers, wiring.functions);
  if (problems.length > 0) {
    throw new Error(
      `The resolver wiring (model/api-wiring.ts) does not match schema.graphql:\n- ${problems.join('\n- ')}`,
    );
  }
}

/** Absolute path of a resolver's bundle. */
export function resolverBundle(wiring: WiringToDeploy, resolver: ResolverWiring): string {
  return fromProjectRoot(resolverBundlePath(resolver, wiring.bundleDir));
}

/** Absolute path of a pipeline function's bundle. */
export function functionBundle(wiring: WiringToDeploy, fn: FunctionWiring): string {
  return fromProjectRoot(functionBundlePath(fn.name, wiring.bundleDir));
}

/** Throws, naming every missing bundle, when the resolvers have not been built. */
export function assertBundlesExist(wiring: WiringToDeploy): void {
  const missing = [
    ...wiring.resolvers.map((resolver) => resolverBundle(wiring, resolver)),
    ...wiring.functions.map((fn) => functionBundle(wiring, fn)),
  ].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `Resolver bundles are missing; run npm run build first (it writes them to ${wiring.bundleDir}):\n- ${missing.join(
        '\n- ',
      )}`,
    );
  }
}
