import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSyncApi } from '../start-appsync-api.ts';
import { answerOf, seenByResolver, startAuthTestApi } from './auth-test-api.ts';
import { OIDC_DISCOVERY_PATH } from './oidc-discovery.ts';
import { mintOidcToken, type OidcTokenOptions } from './oidc-tokens.ts';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from './test-support.ts';

// OPENID_CONNECT through real HTTP requests with tokens signed by jose, as
// the template configures the provider: Issuer, ClientId (a regular
// expression), IatTTL and AuthTTL in milliseconds.
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_OpenIDConnectConfig.html

const ISSUER = 'https://auth.example.com/';
const MINUTE = 60_000;
let issuerKeys: TemporaryUserPoolKeys;
let api: AppSyncApi;

beforeAll(async () => {
  issuerKeys = await temporaryUserPoolKeys({ sharedKey: true });
  api = await startAuthTestApi({
    default: { type: 'OPENID_CONNECT', issuer: ISSUER, clientId: 'web-(app|admin)', iatTtlMs: 30 * MINUTE, authTtlMs: 60 * MINUTE, jwks: issuerKeys.keys.jwks },
  });
});

afterAll(async () => {
  await api?.close();
  await issuerKeys?.remove();
});

function token(options: Partial<OidcTokenOptions> = {}) {
  return mintOidcToken(issuerKeys.keys, { issuer: ISSUER, subject: 'user-1', audience: 'web-app', claims: { email: 'ada@example.com' }, ...options });
}

function query(authorization: string, text = '{ whoAmI }') {
  return fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: text }),
  }).then(answerOf);
}

function refusedWith(message: string) {
  return { status: 401, body: { errors: [{ errorType: 'UnauthorizedException', message }] } };
}

describe('OPENID_CONNECT: the local issuer', () => {
  it("serves a discovery document naming the template's issuer, whose JWKS verifies the tokens", async () => {
    const discovery = await (await fetch(`${api.url}${OIDC_DISCOVERY_PATH}`)).json();
    expect(discovery).toMatchObject({ issuer: ISSUER, id_token_signing_alg_values_supported: ['RS256'] });
    const { payload } = await jwtVerify(await token(), createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer: ISSUER });
    expect(payload.sub).toBe('user-1');
  });

  it('admits its token, with ctx.identity { sub, issuer, claims } and util.authType()', async () => {
    const answer = await query(await token());
    expect(answer.status).toBe(200);
    const seen = seenByResolver(answer);
    expect(seen.authType).toBe('Open ID Connect Authorization');
    expect(seen.identity).toEqual({
      sub: 'user-1',
      issuer: ISSUER,
      claims: expect.objectContaining({ sub: 'user-1', iss: ISSUER, aud: 'web-app', email: 'ada@example.com' }),
    });
  });

  it('applies @aws_oidc and the default mode: an OIDC caller of an OIDC-default API reads undirected fields', async () => {
    const answer = await query(await token(), '{ oidcOnly defaultModeOnly iamOnly }');
    expect(answer.body.data).toEqual({ oidcOnly: expect.any(String), defaultModeOnly: expect.any(String), iamOnly: null });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access iamOnly on type Query' }),
    ]);
  });
});

describe('OPENID_CONNECT refusals (HTTP 401 UnauthorizedException)', () => {
  it('refuses an audience ClientId does not match', async () => {
    expect(await query(await token({ audience: 'mobile-app' }))).toEqual(refusedWith('Valid authorization header not provided.'));
  });

  it('refuses an expired token', async () => {
    const expired = await token({ issuedAt: new Date(Date.now() - 20 * MINUTE), expiresInSeconds: 300 });
    expect(await query(expired)).toEqual(refusedWith('Token has expired.'));
  });

  it('refuses a token issued longer ago than IatTTL, or signed in longer ago than AuthTTL', async () => {
    const oldIat = await token({ issuedAt: new Date(Date.now() - 40 * MINUTE), expiresInSeconds: 3600 });
    expect(await query(oldIat)).toEqual(refusedWith('Token has expired.'));
    const oldSignIn = await token({ authTime: new Date(Date.now() - 90 * MINUTE) });
    expect(await query(oldSignIn)).toEqual(refusedWith('Token has expired.'));
  });

  it('refuses a token whose signature does not verify', async () => {
    const [header, payload, signature] = (await token()).split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'admin' })).toString('base64url');
    expect(await query(`${header}.${forgedPayload}.${signature}`)).toEqual(refusedWith('Valid authorization header not provided.'));
  });

  it('refuses a token of another issuer, and what is no JWT', async () => {
    expect(await query(await token({ issuer: 'https://evil.example.com/' }))).toEqual(refusedWith('Valid authorization header not provided.'));
    expect(await query('Bearer abc')).toEqual(refusedWith('Unable to parse JWT token.'));
  });
});
