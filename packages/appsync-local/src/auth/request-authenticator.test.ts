import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestAuthenticator } from '../types.ts';
import { mintIdToken } from './cognito-tokens.ts';
import { LOCAL_USER_POOL } from './local-user-pool.ts';
import { createRequestAuthenticator } from './request-authenticator.ts';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from './test-support.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

let pool: TemporaryUserPoolKeys;
let authenticate: RequestAuthenticator;
let aliceToken: string;

beforeAll(async () => {
  pool = await temporaryUserPoolKeys({ sharedKey: true });
  authenticate = createRequestAuthenticator({
    apiKeys: [{ key: 'da2-valid' }],
    cognito: { pool: LOCAL_USER_POOL, jwks: pool.keys.jwks },
  });
  aliceToken = await mintIdToken(pool.keys, { username: 'alice' });
});

afterAll(() => pool.remove());

function withHeaders(headers: Record<string, string>) {
  return authenticate({ headers, sourceIp: '127.0.0.1' });
}

async function modeOf(headers: Record<string, string>) {
  const result = await withHeaders(headers);
  return result.ok ? result.caller.authMode : result.message;
}

describe('choosing the authorization mode by header (security-authz.html, additional authorization modes)', () => {
  it('uses API_KEY for x-api-key', async () => {
    expect(await modeOf({ 'x-api-key': 'da2-valid' })).toBe('API_KEY');
  });

  it('uses AMAZON_COGNITO_USER_POOLS for an Authorization token', async () => {
    expect(await modeOf({ authorization: aliceToken })).toBe('AMAZON_COGNITO_USER_POOLS');
  });

  it('uses the API key when both headers are present (aws-appsync-community#169)', async () => {
    expect(await modeOf({ 'x-api-key': 'da2-valid', authorization: aliceToken })).toBe('API_KEY');
  });

  it('ignores an invalid token next to a valid API key', async () => {
    expect(await modeOf({ 'x-api-key': 'da2-valid', authorization: 'not-a-jwt' })).toBe('API_KEY');
  });

  it('refuses a bad API key even next to a valid token, without trying the token', async () => {
    expect(await modeOf({ 'x-api-key': 'da2-wrong', authorization: aliceToken })).toBe(UNAUTHORIZED_MESSAGES.notAuthorized);
  });

  it('refuses an invalid token sent alone', async () => {
    expect(await modeOf({ authorization: 'not-a-jwt' })).toBe(UNAUTHORIZED_MESSAGES.unparsableToken);
  });

  it('refuses a request with neither header', async () => {
    expect(await modeOf({})).toBe(UNAUTHORIZED_MESSAGES.noValidHeader);
  });

  it('treats empty headers as absent', async () => {
    expect(await modeOf({ 'x-api-key': '', authorization: aliceToken })).toBe('AMAZON_COGNITO_USER_POOLS');
    expect(await modeOf({ 'x-api-key': '', authorization: '' })).toBe(UNAUTHORIZED_MESSAGES.noValidHeader);
  });
});
