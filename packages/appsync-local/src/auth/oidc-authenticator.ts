import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { AuthenticationResult, RequestAuthenticator } from '../types.ts';
import { messageForRejected } from './cognito-authenticator.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

// OPENID_CONNECT authorization: the caller sends an ID token of the API's
// OIDC provider, as is, in the `Authorization` header. AppSync checks its
// signature against the provider's keys, its issuer, and, as the API's
// OpenIDConnectConfig asks, its audience and age:
// - ClientId: "You can specify a regular expression so that AppSync can
//   validate against multiple client identifiers at a time" (the token's `aud`);
// - IatTTL / AuthTTL: how many milliseconds after `iat` / `auth_time` the
//   token is still accepted.
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_OpenIDConnectConfig.html
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#openid-connect-authorization

export interface OidcAuthenticatorOptions {
  /** the `iss` tokens must carry: the template's Issuer */
  issuer: string;
  /** a regular expression the token's `aud` must match; any audience when left out */
  clientId?: string;
  /** milliseconds after `iat` a token is still accepted; no limit when left out or 0 */
  iatTtlMs?: number;
  /** milliseconds after `auth_time` a token is still accepted; no limit when left out or 0 */
  authTtlMs?: number;
  /** the provider's public keys */
  jwks: JSONWebKeySet;
}

function audiences(claims: JWTPayload): string[] {
  return Array.isArray(claims.aud) ? claims.aud : claims.aud === undefined ? [] : [claims.aud];
}

function isTooOld(seconds: unknown, ttlMs: number | undefined, now: number): boolean {
  if (!ttlMs) {
    return false;
  }
  return typeof seconds !== 'number' || now - seconds * 1000 > ttlMs;
}

export function createOidcAuthenticator(options: OidcAuthenticatorOptions): RequestAuthenticator {
  const providerKeys = createLocalJWKSet(options.jwks);
  const audiencePattern = options.clientId ? new RegExp(`^(?:${options.clientId})$`) : undefined;
  return async ({ headers }): Promise<AuthenticationResult> => {
    const token = headers.authorization;
    if (!token) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
    }
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, providerKeys, { issuer: options.issuer, requiredClaims: ['sub', 'iat'] }));
    } catch (error) {
      return { ok: false, message: messageForRejected(error) };
    }
    if (audiencePattern && !audiences(claims).some((audience) => audiencePattern.test(audience))) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
    }
    const now = Date.now();
    if (isTooOld(claims.iat, options.iatTtlMs, now) || isTooOld(claims.auth_time, options.authTtlMs, now)) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.expiredToken };
    }
    // https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js
    return { ok: true, caller: { authMode: 'OPENID_CONNECT', identity: { sub: claims.sub, issuer: claims.iss, claims } } };
  };
}
