import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { AuthenticationResult, Identity, RequestAuthenticator } from '../types.ts';
import { TOKEN_LIFETIME_SECONDS } from './cognito-tokens.ts';
import type { UserPoolIdentity } from './local-user-pool.ts';
import { sourceIps } from './source-ips.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

// AMAZON_COGNITO_USER_POOLS authorization: the caller sends a user pool ID or
// access token, as is, in the `Authorization` header. AWS asks clients not to
// prefix it with "Bearer", and such a header is refused as unparsable.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
// https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error
// The checks are the ones Cognito prescribes for verifying its tokens:
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html

export interface CognitoAuthenticatorOptions {
  /** the issuer and app client id the tokens must name */
  pool: Pick<UserPoolIdentity, 'issuer' | 'clientId'>;
  /** the pool's public keys; a token signed by any other key is refused */
  jwks: JSONWebKeySet;
}

/**
 * An additional user pool has no "default action" to configure (only a
 * default-mode pool does), so its callers are never denied by default.
 * https://docs.aws.amazon.com/appsync/latest/APIReference/API_CognitoUserPoolConfig.html
 */
const DEFAULT_AUTH_STRATEGY = 'ALLOW';

export function createCognitoAuthenticator(options: CognitoAuthenticatorOptions): RequestAuthenticator {
  const poolKeys = createLocalJWKSet(options.jwks);
  const { issuer, clientId } = options.pool;
  return async ({ headers, sourceIp }): Promise<AuthenticationResult> => {
    const token = headers.authorization;
    if (!token) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
    }
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, poolKeys, {
        algorithms: ['RS256'],
        issuer,
        requiredClaims: ['sub', 'token_use', 'exp', 'iat'],
        // also refuses an `iat` in the future
        maxTokenAge: TOKEN_LIFETIME_SECONDS.max,
      }));
    } catch (error) {
      return { ok: false, message: messageForRejected(error) };
    }
    if (!isIssuedToClient(claims, clientId)) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
    }
    return {
      ok: true,
      caller: {
        authMode: 'AMAZON_COGNITO_USER_POOLS',
        identity: cognitoIdentity(claims, sourceIps(headers['x-forwarded-for'], sourceIp)),
      },
    };
  };
}

/** ID tokens name the app client in `aud`, access tokens in `client_id`. */
function isIssuedToClient(claims: JWTPayload, clientId: string): boolean {
  switch (claims.token_use) {
    case 'id':
      return claims.aud === clientId;
    case 'access':
      return claims.client_id === clientId;
    default:
      return false;
  }
}

export function messageForRejected(error: unknown): string {
  if (error instanceof errors.JWTExpired) {
    return UNAUTHORIZED_MESSAGES.expiredToken;
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return UNAUTHORIZED_MESSAGES.unparsableToken;
  }
  if (error instanceof errors.JOSEError) {
    return UNAUTHORIZED_MESSAGES.noValidHeader;
  }
  throw error;
}

/**
 * `ctx.identity` for a user pool caller, field for field as AppSync documents it.
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js
 */
function cognitoIdentity(claims: JWTPayload, sourceIp: string[]): Identity {
  const groups = claims['cognito:groups'];
  return {
    sub: claims.sub,
    issuer: claims.iss,
    // ID tokens carry `cognito:username`, access tokens `username`
    username: claims['cognito:username'] ?? claims.username,
    claims,
    sourceIp,
    defaultAuthStrategy: DEFAULT_AUTH_STRATEGY,
    groups: Array.isArray(groups) ? groups : null,
  };
}
