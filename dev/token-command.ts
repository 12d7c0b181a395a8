import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { loadLocalUserPoolKeys, localUserSub, mintAccessToken, mintIdToken, TOKEN_LIFETIME_SECONDS } from 'appsync-local';
import { EVENTS_USER_POOL, USER_POOL_KEYS_DIR } from './events-api.ts';

// `npm run token`'s work, given its arguments and where to print: the
// explanation goes to `error` and the token, alone, to `log`, so that
// `TOKEN=$(npm run token --silent -- --user alice)` captures just the token.
// token-cli.ts runs it on the process's arguments and console.

const USAGE = `Usage: npm run token -- --user <name> [options]

  --user <name>          the user to sign in as (required)
  --group <name>         a Cognito group the user belongs to; repeat for several
  --email <address>      the user's email (ID token only)
  --expires-in <seconds> ${TOKEN_LIFETIME_SECONDS.min} to ${TOKEN_LIFETIME_SECONDS.max}, default ${TOKEN_LIFETIME_SECONDS.default}
  --access               print an access token instead of an ID token
  --keys-dir <path>      where the local user pool's key lives (default .local/auth)
  --help                 show this help`;

type CommandOutput = Pick<Console, 'log' | 'error'>;

async function printToken(args: string[], output: CommandOutput): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      group: { type: 'string', multiple: true, default: [] },
      email: { type: 'string' },
      'expires-in': { type: 'string', default: String(TOKEN_LIFETIME_SECONDS.default) },
      access: { type: 'boolean', default: false },
      'keys-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    output.error(USAGE);
    return;
  }
  if (!values.user) {
    throw new UsageError('--user is required');
  }
  const expiresInSeconds = Number(values['expires-in']);
  const keys = await loadLocalUserPoolKeys({ directory: values['keys-dir'] ?? USER_POOL_KEYS_DIR });
  const options = { username: values.user, groups: values.group, email: values.email, expiresInSeconds, pool: EVENTS_USER_POOL };
  const token = values.access ? await mintAccessToken(keys, options) : await mintIdToken(keys, options);

  const groups = values.group.length > 0 ? values.group.join(', ') : 'none';
  const expiresAt = new Date(Number(decodeJwt(token).exp) * 1000).toISOString();
  output.error(
    [
      `${values.access ? 'Access' : 'ID'} token of the local user pool ${EVENTS_USER_POOL.userPoolId} (client ${EVENTS_USER_POOL.clientId})`,
      `  user ${values.user}, sub ${localUserSub(values.user)}, groups: ${groups}`,
      `  valid until ${expiresAt}`,
      'Send it as is, without "Bearer ", in the Authorization header.',
    ].join('\n'),
  );
  output.log(token);
}

class UsageError extends Error {}

function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
}

/** Prints a token for `args` (the command line after `npm run token --`); the exit code. */
export async function tokenCommand(args: string[], output: CommandOutput): Promise<number> {
  try {
    await printToken(args, output);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.error(isUsageError(error) ? `${message}\n\n${USAGE}` : message);
    return 1;
  }
}
