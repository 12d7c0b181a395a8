import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintIdToken } from '../auth/cognito-tokens.ts';
import { loadLocalUserPoolKeys } from '../auth/local-jwks.ts';
import { localUserPool } from '../auth/local-user-pool.ts';
import { mintOidcToken } from '../auth/oidc-tokens.ts';
import type { StackApi } from './api-from-stack.ts';
import { pickApi, STATE_DIR, UsageError } from './pick-api.ts';
import { oidcKeyDirectory } from './serve-authorization.ts';

// `appsync-local token [DIR] --user NAME [--group G]... [--api NAME] [--stack NAME]`
// prints an ID token of the local stand-in for the user pool of the API that
// `appsync-local serve DIR` serves, signed with the key it reads from
// .appsync-local/auth. With `--oidc` (or when the API's only token mode is
// OPENID_CONNECT) it prints an ID token of the local OIDC issuer instead:
// `iss` the template's Issuer, `sub` the user, `aud` the template's ClientId
// (or --audience when ClientId is a pattern), further claims from --claim.
// The explanation goes to stderr, the token alone to the last line of stdout.
// token-cli.ts runs it on the process's arguments, console and folder.

const USAGE =
  'usage: appsync-local token [DIR] --user NAME [--group GROUP]... [--oidc [--audience AUD] [--claim NAME=VALUE]...] [--api NAME] [--stack NAME]';

/** A ClientId that is a plain identifier, not a pattern, is the audience tokens need. */
function literalAudience(clientId: string | undefined): string | undefined {
  return clientId !== undefined && /^[\w.:/@-]+$/.test(clientId) && !clientId.includes('.*') ? clientId : undefined;
}

type CommandOutput = Pick<Console, 'log' | 'error'>;

async function oidcToken(
  api: StackApi,
  { user, audience, claims }: { user: string; audience: string | undefined; claims: string[] },
  stateDirectory: string,
  output: CommandOutput,
): Promise<string> {
  const oidc = api.oidc!;
  const aud = audience ?? literalAudience(oidc.clientId);
  if (oidc.clientId && aud === undefined) {
    throw new UsageError(`the API's ClientId ${oidc.clientId} is a pattern: name the audience with --audience`);
  }
  const extraClaims = Object.fromEntries(
    claims.map((claim) => {
      const separator = claim.indexOf('=');
      if (separator <= 0) {
        throw new UsageError(`--claim ${claim} is not NAME=VALUE`);
      }
      return [claim.slice(0, separator), claim.slice(separator + 1)];
    }),
  );
  const keys = await loadLocalUserPoolKeys({ directory: oidcKeyDirectory(resolve(stateDirectory, 'auth')) });
  output.error(`ID token of the local OIDC issuer ${oidc.issuer} for ${user}`);
  return mintOidcToken(keys, { issuer: oidc.issuer, subject: user, audience: aud, claims: extraClaims });
}

async function userPoolToken(
  api: StackApi,
  { user, groups }: { user: string; groups: string[] },
  stateDirectory: string,
  output: CommandOutput,
): Promise<string> {
  const unknownGroups = groups.filter((group) => !api.userPool!.groups.includes(group));
  if (unknownGroups.length > 0) {
    // Cognito puts users only in groups the pool has
    throw new UsageError(
      `the user pool has no group ${unknownGroups.join(', ')}; its groups: ${api.userPool!.groups.join(', ') || 'none'}`,
    );
  }
  const pool = localUserPool(api.userPool!.userPoolId, api.userPool!.clientId);
  const keys = await loadLocalUserPoolKeys({ directory: resolve(stateDirectory, 'auth') });
  output.error(`ID token of the local user pool ${pool.userPoolId} (client ${pool.clientId}) for ${user}`);
  return mintIdToken(keys, { username: user, groups, pool });
}

async function printToken(args: string[], output: CommandOutput, cwd: string): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      group: { type: 'string', multiple: true, default: [] },
      oidc: { type: 'boolean', default: false },
      audience: { type: 'string' },
      claim: { type: 'string', multiple: true, default: [] },
      api: { type: 'string' },
      stack: { type: 'string' },
    },
  });
  if (!values.user) {
    throw new UsageError('--user is required');
  }
  const api = pickApi(resolve(cwd, positionals[0] ?? 'cdk.out'), values.stack, values.api);
  const useOidc = values.oidc || (!api.userPool && api.oidc !== undefined);
  if (useOidc && !api.oidc) {
    throw new UsageError(`${api.name} has no OPENID_CONNECT mode`);
  }
  if (!useOidc && !api.userPool) {
    throw new UsageError(`${api.name} has no AMAZON_COGNITO_USER_POOLS mode`);
  }
  const stateDirectory = resolve(cwd, STATE_DIR);
  output.log(
    useOidc
      ? await oidcToken(api, { user: values.user, audience: values.audience, claims: values.claim }, stateDirectory, output)
      : await userPoolToken(api, { user: values.user, groups: values.group }, stateDirectory, output),
  );
}

/** Runs `appsync-local token` with `args` in the folder `cwd`, printing to `output`; the exit code. */
export async function tokenCommand(args: string[], output: CommandOutput, cwd: string): Promise<number> {
  try {
    await printToken(args, output, cwd);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.error(error instanceof UsageError ? `${message}\n${USAGE}` : `appsync-local token: ${message}`);
    return error instanceof UsageError ? 2 : 1;
  }
}
