import { apiFromStack, appSyncApisOf, type StackApi } from './api-from-stack.ts';
import { loadCloudAssembly, type LoadedStack } from './load-assembly.ts';

/** Where `serve` and `token` keep their state, under the working directory. */
export const STATE_DIR = '.appsync-local';

export class UsageError extends Error {}

export class UnsupportedApiError extends Error {
  constructor(
    readonly apiName: string,
    readonly unsupported: string[],
  ) {
    super(`appsync-local cannot serve ${apiName}; not emulated:\n  ${unsupported.join('\n  ')}`);
  }
}

/** `--stack NAME` names a stack (as CDK displays it, or its stack name) with its nested stacks, or a Stage. */
function inStack(stack: LoadedStack, name: string): boolean {
  return stack.name === name || stack.stackName === name || stack.name.startsWith(`${name}/`);
}

/** The one API of the assembly that the options pick, or a list to pick from. */
export function pickApi(directory: string, stackName?: string, apiName?: string): StackApi {
  const assembly = loadCloudAssembly(directory);
  const candidates = appSyncApisOf(assembly)
    .filter((api) => stackName === undefined || inStack(api.stack, stackName))
    .filter((api) => apiName === undefined || api.name === apiName || api.logicalId === apiName);
  if (candidates.length !== 1) {
    const list = candidates.map((api) => `  ${api.name} (${api.stack.name}/${api.logicalId})`).join('\n');
    const where = stackName === undefined ? directory : `stack ${stackName} of ${directory}`;
    throw new UsageError(
      candidates.length === 0
        ? `no AppSync API${apiName ? ` named ${apiName}` : ''} in ${where}`
        : `${where} has several AppSync APIs; pick one with --api:\n${list}`,
    );
  }
  return apiFromStack(assembly, candidates[0]);
}

/** The API the options pick, refused if it uses what the runtime does not emulate. */
export function pickServableApi(options: { directory: string; stack?: string; api?: string }): StackApi {
  const api = pickApi(options.directory, options.stack, options.api);
  if (api.unsupported.length > 0) {
    throw new UnsupportedApiError(api.name, api.unsupported);
  }
  return api;
}
