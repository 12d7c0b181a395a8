import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintIdToken } from '../auth/cognito-tokens.ts';
import { loadLocalUserPoolKeys } from '../auth/local-jwks.ts';
import { localUserPool } from '../auth/local-user-pool.ts';
import { pickApi, STATE_DIR, UsageError } from './pick-api.ts';

// `appsync-local token [DIR] --user NAME [--group G]... [--api NAME] [--stack NAME]`
// prints an ID token of the local stand-in for the user pool of the API that
// `appsync-local serve DIR` serves, signed with the key it reads from
// .appsync-local/auth. The explanation goes to stderr, the token alone to the
// last line of stdout.

const USAGE = 'usage: appsync-local token [DIR] --user NAME [--group GROUP]... [--api NAME] [--stack NAME]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      group: { type: 'string', multiple: true, default: [] },
      api: { type: 'string' },
      stack: { type: 'string' },
    },
  });
  if (!values.user) {
    throw new UsageError('--user is required');
  }
  const api = pickApi(resolve(positionals[0] ?? 'cdk.out'), values.stack, values.api);
  if (!api.userPool) {
    throw new UsageError(`${api.name} has no AMAZON_COGNITO_USER_POOLS mode`);
  }
  const unknownGroups = values.group.filter((group) => !api.userPool!.groups.includes(group));
  if (unknownGroups.length > 0) {
    // Cognito puts users only in groups the pool has
    throw new UsageError(
      `the user pool has no group ${unknownGroups.join(', ')}; its groups: ${api.userPool.groups.join(', ') || 'none'}`,
    );
  }
  const pool = localUserPool(api.userPool.userPoolId, api.userPool.clientId);
  const keys = await loadLocalUserPoolKeys({ directory: resolve(STATE_DIR, 'auth') });
  const token = await mintIdToken(keys, { username: values.user, groups: values.group, pool });
  console.error(`ID token of the local user pool ${pool.userPoolId} (client ${pool.clientId}) for ${values.user}`);
  console.log(token);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError ? `${message}\n${USAGE}` : `appsync-local token: ${message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
