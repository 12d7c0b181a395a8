import { describe, expect, it } from 'vitest';
import { createApiKeyAuthenticator } from './api-key-authenticator.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

const HOUR = 60 * 60 * 1000;

const authenticate = createApiKeyAuthenticator({
  apiKeys: [
    { key: 'da2-current', expiresAt: new Date(Date.now() + HOUR) },
    { key: 'da2-expired', expiresAt: new Date(Date.now() - HOUR) },
    { key: 'da2-forever' },
  ],
});

function withKey(key: string | undefined) {
  return authenticate({ headers: { 'x-api-key': key }, sourceIp: '127.0.0.1' });
}

describe('API key authorization', () => {
  // resolver-context-reference-js, Identity: API_KEY gets no identity. Our reading is null (not {}): the
  // @aws-appsync/utils Identity type is a mode's shape, undefined or null, and a Lambda event shows null.
  it.each(['da2-current', 'da2-forever'])('accepts the valid key %s with ctx.identity null', async (key) => {
    expect(await withKey(key)).toEqual({ ok: true, caller: { authMode: 'API_KEY', identity: null } });
  });

  it.each(['da2-expired', 'da2-unknown', 'DA2-CURRENT'])('refuses the key %s', async (key) => {
    expect(await withKey(key)).toEqual({ ok: false, message: UNAUTHORIZED_MESSAGES.notAuthorized });
  });

  it('refuses a request without x-api-key', async () => {
    expect(await withKey(undefined)).toEqual({ ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader });
  });

  it('refuses a key from its expiry moment on', async () => {
    const expiresAt = new Date(Date.now());
    const authenticateAtExpiry = createApiKeyAuthenticator({ apiKeys: [{ key: 'da2-edge', expiresAt }] });
    const result = await authenticateAtExpiry({ headers: { 'x-api-key': 'da2-edge' }, sourceIp: '127.0.0.1' });
    expect(result.ok).toBe(false);
  });
});
