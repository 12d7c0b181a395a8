import { createHash, randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { LocalUserPoolKeys } from './local-jwks.ts';
import { LOCAL_USER_POOL, type UserPoolIdentity } from './local-user-pool.ts';

// Tokens shaped like the ones a Cognito user pool issues, for local use only.
// Claims as AWS documents them:
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html

/** Cognito lets an app client's ID and access tokens live from 5 minutes to 1 day. */
export const TOKEN_LIFETIME_SECONDS = { min: 5 * 60, max: 24 * 60 * 60, default: 60 * 60 } as const;

/** Access tokens from Cognito's own sign-in APIs carry this scope. */
const SIGN_IN_SCOPE = 'aws.cognito.signin.user.admin';

export interface CognitoTokenOptions {
  /** `cognito:username` (ID token) or `username` (access token) */
  username: string;
  /** `cognito:groups`; Cognito leaves the claim out for a user in no group */
  groups?: readonly string[];
  /** `email` (ID token only), marked verified */
  email?: string;
  /** @default 3600; Cognito allows 300 to 86400 */
  expiresInSeconds?: number;
  /** when the user signed in and the token was issued; @default now */
  issuedAt?: Date;
  /** @default LOCAL_USER_POOL */
  pool?: UserPoolIdentity;
}

/** Anything that signs claims with the pool's key. */
export type TokenSigner = Pick<LocalUserPoolKeys, 'sign'>;

/** An ID token (`token_use: "id"`, `aud` = the app client id). */
export async function mintIdToken(signer: TokenSigner, options: CognitoTokenOptions): Promise<string> {
  const pool = options.pool ?? LOCAL_USER_POOL;
  return signer.sign({
    ...commonClaims(options, pool),
    token_use: 'id',
    aud: pool.clientId,
    'cognito:username': options.username,
    ...(options.email === undefined ? {} : { email: options.email, email_verified: true }),
  });
}

/** An access token (`token_use: "access"`, `client_id` = the app client id, no `aud`). */
export async function mintAccessToken(signer: TokenSigner, options: CognitoTokenOptions): Promise<string> {
  const pool = options.pool ?? LOCAL_USER_POOL;
  return signer.sign({
    ...commonClaims(options, pool),
    token_use: 'access',
    client_id: pool.clientId,
    username: options.username,
    scope: SIGN_IN_SCOPE,
  });
}

/** Namespace of local users' `sub` values (a random UUID, fixed once). */
const LOCAL_SUB_NAMESPACE = Buffer.from('6f1c2a9e3b7d4c58a0e2d94b8f13c765', 'hex');

/**
 * The `sub` a local user always gets: a name-based UUID (version 5) of the
 * username, so an event a user created locally stays theirs across restarts
 * and across tokens.
 */
export function localUserSub(username: string): string {
  const hash = createHash('sha1').update(LOCAL_SUB_NAMESPACE).update(username, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function commonClaims(options: CognitoTokenOptions, pool: UserPoolIdentity): JWTPayload {
  if (options.username.trim() === '') {
    throw new Error('A token needs a username');
  }
  const lifetime = options.expiresInSeconds ?? TOKEN_LIFETIME_SECONDS.default;
  if (!Number.isInteger(lifetime) || lifetime < TOKEN_LIFETIME_SECONDS.min || lifetime > TOKEN_LIFETIME_SECONDS.max) {
    throw new Error(
      `expiresInSeconds must be a whole number from ${TOKEN_LIFETIME_SECONDS.min} to ${TOKEN_LIFETIME_SECONDS.max} (Cognito's limits), not ${lifetime}`,
    );
  }
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  const groups = options.groups ?? [];
  return {
    sub: localUserSub(options.username),
    iss: pool.issuer,
    ...(groups.length === 0 ? {} : { 'cognito:groups': [...groups] }),
    auth_time: issuedAt,
    iat: issuedAt,
    exp: issuedAt + lifetime,
    jti: randomUUID(),
    origin_jti: randomUUID(),
  };
}
