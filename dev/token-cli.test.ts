import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoAuthenticator, loadLocalUserPoolKeys, localUserSub } from 'appsync-local';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from 'appsync-local/testing';
import { EVENTS_USER_POOL } from './events-api.ts';
import { tokenCommand } from './token-command.ts';

let pool: TemporaryUserPoolKeys;

beforeAll(async () => {
  pool = await temporaryUserPoolKeys({ sharedKey: true });
});

afterAll(() => pool.remove());

// The command in this process (token-cli.ts only hands it the process's
// arguments and console): a process of its own costs 1.5 s of CPU to load the package.
async function token(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await tokenCommand(['--keys-dir', pool.directory, ...args], {
    log: (line) => stdout.push(`${line}\n`),
    error: (line) => stderr.push(`${line}\n`),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

async function identityFor(token: string) {
  const keys = await loadLocalUserPoolKeys({ directory: pool.directory });
  const authenticate = createCognitoAuthenticator({ pool: EVENTS_USER_POOL, jwks: keys.jwks });
  const result = await authenticate({ headers: { authorization: token }, sourceIp: '127.0.0.1' });
  if (!result.ok || !result.caller.identity) {
    throw new Error(`the printed token was refused: ${result.ok ? 'no identity' : result.message}`);
  }
  return result.caller.identity;
}

describe('npm run token', () => {
  it('prints, alone on the last line, an ID token the local user pool accepts', async () => {
    const { stdout, stderr } = await token('--user', 'alice', '--group', 'admins', '--group', 'editors');
    const lastLine = stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(lastLine).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const identity = await identityFor(lastLine);
    expect(identity).toMatchObject({ sub: localUserSub('alice'), username: 'alice', groups: ['admins', 'editors'] });
    expect((identity.claims as Record<string, unknown>).token_use).toBe('id');
    expect(stderr).toContain('Authorization header');
  });

  it('prints an access token with --access, valid for --expires-in seconds', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { stdout } = await token('--user', 'bob', '--access', '--expires-in', '600');
    const claims = (await identityFor(stdout.trim())).claims as Record<string, number | string>;
    expect(claims.token_use).toBe('access');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
    expect(Number(claims.iat)).toBeGreaterThanOrEqual(before);
  });

  it.each([[[]], [['--user', 'alice', '--expires-in', '60']], [['--user', 'alice', '--unknown']]])(
    'fails with a message and prints no token for %j',
    async (args) => {
      const failure = await token(...args);
      expect(failure).toMatchObject({ code: 1, stdout: '' });
      expect(failure.stderr).not.toBe('');
    },
  );
});
