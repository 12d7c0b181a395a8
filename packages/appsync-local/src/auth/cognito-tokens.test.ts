import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localUserSub, mintAccessToken, mintIdToken } from './cognito-tokens.ts';
import { LOCAL_USER_POOL } from './local-user-pool.ts';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from './test-support.ts';

// Claim sets as AWS documents them:
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html

let pool: TemporaryUserPoolKeys;
const issuedAt = new Date('2025-06-01T12:00:00.000Z');
const issuedAtSeconds = issuedAt.getTime() / 1000;

beforeAll(async () => {
  pool = await temporaryUserPoolKeys({ sharedKey: true });
});

afterAll(() => pool.remove());

describe('local Cognito tokens', () => {
  it('issue the local pool under its documented ids', () => {
    expect(LOCAL_USER_POOL).toEqual({
      region: 'us-east-1',
      userPoolId: 'local_UserPool',
      clientId: 'local-client',
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/local_UserPool',
    });
  });

  it('mint an ID token with the claims Cognito puts in one', async () => {
    const token = await mintIdToken(pool.keys, {
      username: 'alice',
      groups: ['admins', 'editors'],
      email: 'alice@example.com',
      issuedAt,
      expiresInSeconds: 900,
    });
    expect(decodeJwt(token)).toEqual({
      sub: localUserSub('alice'),
      iss: LOCAL_USER_POOL.issuer,
      aud: LOCAL_USER_POOL.clientId,
      token_use: 'id',
      'cognito:username': 'alice',
      'cognito:groups': ['admins', 'editors'],
      email: 'alice@example.com',
      email_verified: true,
      auth_time: issuedAtSeconds,
      iat: issuedAtSeconds,
      exp: issuedAtSeconds + 900,
      jti: expect.any(String),
      origin_jti: expect.any(String),
    });
  });

  it('mint an access token with client_id, username and scope instead of aud', async () => {
    const token = await mintAccessToken(pool.keys, { username: 'alice', groups: ['admins'], issuedAt });
    expect(decodeJwt(token)).toEqual({
      sub: localUserSub('alice'),
      iss: LOCAL_USER_POOL.issuer,
      client_id: LOCAL_USER_POOL.clientId,
      token_use: 'access',
      username: 'alice',
      scope: 'aws.cognito.signin.user.admin',
      'cognito:groups': ['admins'],
      auth_time: issuedAtSeconds,
      iat: issuedAtSeconds,
      exp: issuedAtSeconds + 3600,
      jti: expect.any(String),
      origin_jti: expect.any(String),
    });
  });

  it('leave out cognito:groups and email for a user in no group without an email, as Cognito does', async () => {
    const claims = decodeJwt(await mintIdToken(pool.keys, { username: 'bob' }));
    expect(claims).not.toHaveProperty('cognito:groups');
    expect(claims).not.toHaveProperty('email');
  });

  it('give a user the same UUID sub every time, and different users different ones', () => {
    expect(localUserSub('alice')).toBe(localUserSub('alice'));
    expect(localUserSub('alice')).not.toBe(localUserSub('bob'));
    expect(localUserSub('alice')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([299, 86_401, 1.5])("refuse a lifetime of %s seconds, outside Cognito's 5 minutes to 1 day", async (seconds) => {
    await expect(mintIdToken(pool.keys, { username: 'alice', expiresInSeconds: seconds })).rejects.toThrow(/300 to 86400/);
  });

  it('refuse an empty username', async () => {
    await expect(mintIdToken(pool.keys, { username: ' ' })).rejects.toThrow(/username/);
  });
});
