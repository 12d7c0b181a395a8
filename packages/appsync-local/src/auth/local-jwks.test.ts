import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalUserPoolKeys } from './local-jwks.ts';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from './test-support.ts';

// An RSA key costs a tenth of a second of CPU or more to generate: the tests
// that only read the key share one, and the others start from an empty folder.

let pool: TemporaryUserPoolKeys;
let emptyFolder: string;

beforeAll(async () => {
  pool = await temporaryUserPoolKeys();
  emptyFolder = await mkdtemp(join(tmpdir(), 'local-user-pool-empty-'));
});
afterAll(async () => {
  await pool?.remove();
  await rm(emptyFolder, { recursive: true, force: true });
});

describe('the local user pool key', () => {
  it('publishes one RS256 public key, without its private parts', async () => {
    expect(pool.keys.jwks.keys).toHaveLength(1);
    const [key] = pool.keys.jwks.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('signs tokens as Cognito does (header { kid, alg: RS256 }) that verify against the JWKS', async () => {
    const token = await pool.keys.sign({ sub: 'someone' });
    expect(decodeProtectedHeader(token)).toEqual({ kid: pool.keys.jwks.keys[0].kid, alg: 'RS256' });
    const { payload } = await jwtVerify(token, createLocalJWKSet(pool.keys.jwks));
    expect(payload.sub).toBe('someone');
  });

  it('is kept in its folder, readable by its owner only, and reused on the next start', async () => {
    const keyFile = await stat(join(pool.directory, 'user-pool-signing-key.json'));
    expect(keyFile.mode & 0o777).toBe(0o600);
    const restarted = await loadLocalUserPoolKeys({ directory: pool.directory });
    expect(restarted.jwks).toEqual(pool.keys.jwks);
    const { payload } = await jwtVerify(await restarted.sign({ sub: 'x' }), createLocalJWKSet(pool.keys.jwks));
    expect(payload.sub).toBe('x');
  });

  it('is the same key for processes that start together on an empty folder', async () => {
    const fresh = join(emptyFolder, 'fresh');
    // three racers, each generating a key of its own before one of them links it into place (eight took 1.5 s of CPU)
    const loaded = await Promise.all(Array.from({ length: 3 }, () => loadLocalUserPoolKeys({ directory: fresh })));
    for (const keys of loaded) {
      expect(keys.jwks).toEqual(loaded[0].jwks);
    }
  });

  it('says what to do when the key file is damaged', async () => {
    await writeFile(join(emptyFolder, 'user-pool-signing-key.json'), '{"kty":"oct"}');
    await expect(loadLocalUserPoolKeys({ directory: emptyFolder })).rejects.toThrow(/delete it/);
  });
});
