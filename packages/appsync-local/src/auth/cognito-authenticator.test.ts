import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt, exportSPKI, importJWK, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticationResult, RequestAuthenticator } from '../types.ts';
import { createCognitoAuthenticator } from './cognito-authenticator.ts';
import { localUserSub, mintAccessToken, mintIdToken } from './cognito-tokens.ts';
import { KEY_FILE } from './local-jwks.ts';
import { LOCAL_USER_POOL } from './local-user-pool.ts';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from './test-support.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

// Each refused token breaks exactly one rule of
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html

let pool: TemporaryUserPoolKeys;
let otherPool: TemporaryUserPoolKeys;
let authenticate: RequestAuthenticator;

beforeAll(async () => {
  pool = await temporaryUserPoolKeys({ sharedKey: true });
  otherPool = await temporaryUserPoolKeys();
  authenticate = createCognitoAuthenticator({ pool: LOCAL_USER_POOL, jwks: pool.keys.jwks });
});

afterAll(async () => {
  await pool.remove();
  await otherPool.remove();
});

function withToken(token: string, headers: Record<string, string> = {}): Promise<AuthenticationResult> {
  return authenticate({ headers: { authorization: token, ...headers }, sourceIp: '127.0.0.1' });
}

function aliceIdToken(): Promise<string> {
  return mintIdToken(pool.keys, { username: 'alice', groups: ['admins'], email: 'alice@example.com' });
}

/** The claims of a valid token with some changed, signed by the pool's key. */
async function resigned(changes: JWTPayload): Promise<string> {
  return pool.keys.sign({ ...decodeJwt(await aliceIdToken()), ...changes });
}

function refusedWith(message: string) {
  return { ok: false, message };
}

describe('tokens AppSync accepts', () => {
  it('accepts an ID token and exposes ctx.identity as AppSync documents it (resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js)', async () => {
    const token = await aliceIdToken();
    const result = await withToken(token);
    expect(result).toEqual({
      ok: true,
      caller: {
        authMode: 'AMAZON_COGNITO_USER_POOLS',
        identity: {
          sub: localUserSub('alice'),
          issuer: LOCAL_USER_POOL.issuer,
          username: 'alice',
          claims: decodeJwt(token),
          sourceIp: ['127.0.0.1'],
          defaultAuthStrategy: 'ALLOW',
          groups: ['admins'],
        },
      },
    });
  });

  it('accepts an access token, taking the username from its `username` claim', async () => {
    const token = await mintAccessToken(pool.keys, { username: 'bob' });
    const result = await withToken(token);
    expect(result.ok && result.caller.identity).toMatchObject({ sub: localUserSub('bob'), username: 'bob', groups: null });
  });

  it('reports groups as null for a user in no group', async () => {
    const result = await withToken(await mintIdToken(pool.keys, { username: 'carol' }));
    expect(result.ok && result.caller.identity?.groups).toBeNull();
  });

  it('lists the x-forwarded-for addresses before the connection address in sourceIp', async () => {
    const result = await withToken(await aliceIdToken(), { 'x-forwarded-for': '203.0.113.7, 10.0.0.2' });
    expect(result.ok && result.caller.identity?.sourceIp).toEqual(['203.0.113.7', '10.0.0.2', '127.0.0.1']);
  });
});

describe('tokens AppSync refuses', () => {
  it('refuses a request without an Authorization header', async () => {
    const result = await authenticate({ headers: {}, sourceIp: '127.0.0.1' });
    expect(result).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it.each(['not-a-jwt', 'a.b.c', 'eyJhbGciOiJSUzI1NiJ9.e30'])('refuses the malformed token %s as unparsable', async (token) => {
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.unparsableToken));
  });

  it('refuses a valid token sent with a "Bearer " prefix (knowledge-center/aws-appsync-graphql-request-unauth-error)', async () => {
    expect(await withToken(`Bearer ${await aliceIdToken()}`)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.unparsableToken));
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = new UnsecuredJWT(decodeJwt(await aliceIdToken())).encode();
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it('refuses an HS256 token whose secret is the public key', async () => {
    const publicKey = await importJWK(pool.keys.jwks.keys[0], 'RS256');
    const secret = new TextEncoder().encode(await exportSPKI(publicKey as CryptoKey));
    const token = await new SignJWT(decodeJwt(await aliceIdToken()))
      .setProtectedHeader({ alg: 'HS256', kid: pool.keys.jwks.keys[0].kid })
      .sign(secret);
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it('refuses a token signed by another pool (key not in the JWKS)', async () => {
    const token = await mintIdToken(otherPool.keys, { username: 'alice' });
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it("refuses a token signed by another RSA key that claims the pool key's kid", async () => {
    // the other pool's private key (an RSA key costs a tenth of a second or more to generate), under this pool's kid
    const privateKey = await importJWK(JSON.parse(await readFile(join(otherPool.directory, KEY_FILE), 'utf8')), 'RS256');
    const token = await new SignJWT(decodeJwt(await aliceIdToken()))
      .setProtectedHeader({ alg: 'RS256', kid: pool.keys.jwks.keys[0].kid })
      .sign(privateKey);
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it('refuses an expired token', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const token = await mintIdToken(pool.keys, { username: 'alice', issuedAt: twoHoursAgo, expiresInSeconds: 3600 });
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.expiredToken));
  });

  it('refuses a token from another issuer', async () => {
    const token = await mintIdToken(pool.keys, {
      username: 'alice',
      pool: { ...LOCAL_USER_POOL, issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' },
    });
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it('refuses an ID token issued to another app client (aud)', async () => {
    const token = await mintIdToken(pool.keys, { username: 'alice', pool: { ...LOCAL_USER_POOL, clientId: 'other-client' } });
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it('refuses an access token issued to another app client (client_id)', async () => {
    const token = await mintAccessToken(pool.keys, { username: 'alice', pool: { ...LOCAL_USER_POOL, clientId: 'other-client' } });
    expect(await withToken(token)).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it.each(['refresh', undefined])('refuses a token whose token_use is %s', async (tokenUse) => {
    expect(await withToken(await resigned({ token_use: tokenUse }))).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    const inTenMinutes = Math.floor(Date.now() / 1000) + 600;
    expect(await withToken(await resigned({ nbf: inTenMinutes }))).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it('refuses a token issued in the future (iat)', async () => {
    const inTenMinutes = Math.floor(Date.now() / 1000) + 600;
    expect(await withToken(await resigned({ iat: inTenMinutes }))).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });

  it('refuses a token without sub', async () => {
    expect(await withToken(await resigned({ sub: undefined }))).toEqual(refusedWith(UNAUTHORIZED_MESSAGES.noValidHeader));
  });
});
