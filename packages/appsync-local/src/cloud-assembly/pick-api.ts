import { apiFromStack, appSyncApisOf, type StackApi } from './api-from-stack.ts';
import { readCloudAssembly } from './read-assembly.ts';

/** Where `serve` and `token` keep their state, under the working directory. */
export const STATE_DIR = '.appsync-local';

export class UsageError extends Error {}

/** The one API of the assembly that the options pick, or a list to pick from. */
export function pickApi(directory: string, stackName?: string, apiName?: string): StackApi {
  const candidates = readCloudAssembly(directory)
    .filter((stack) => stackName === undefined || stack.name === stackName)
    .flatMap((stack) => appSyncApisOf(stack).map((api) => ({ stack, ...api })))
    .filter((api) => apiName === undefined || api.name === apiName || api.logicalId === apiName);
  if (candidates.length !== 1) {
    const list = candidates.map((api) => `  ${api.name} (${api.stack.name}/${api.logicalId})`).join('\n');
    throw new UsageError(
      candidates.length === 0
        ? `no AppSync API${apiName ? ` named ${apiName}` : ''} in ${directory}`
        : `${directory} has several AppSync APIs; pick one with --api:\n${list}`,
    );
  }
  return apiFromStack(candidates[0].stack, candidates[0].logicalId);
}
