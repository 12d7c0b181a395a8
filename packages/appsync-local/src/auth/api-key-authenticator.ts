import type { AuthenticationResult, RequestAuthenticator } from '../types.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

// API_KEY authorization: the caller sends one of the API's keys in the
// `x-api-key` header. A key stops working when it expires.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html

export interface ApiKey {
  key: string;
  /** the first moment the key is refused; never expires when left out */
  expiresAt?: Date;
}

export interface ApiKeyAuthenticatorOptions {
  apiKeys: readonly ApiKey[];
}

export function createApiKeyAuthenticator(options: ApiKeyAuthenticatorOptions): RequestAuthenticator {
  const expiryByKey = new Map(options.apiKeys.map(({ key, expiresAt }) => [key, expiresAt?.getTime() ?? Infinity]));
  return async ({ headers }): Promise<AuthenticationResult> => {
    const key = headers['x-api-key'];
    if (!key) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
    }
    const expiresAt = expiryByKey.get(key);
    if (expiresAt === undefined || Date.now() >= expiresAt) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.notAuthorized };
    }
    // AppSync populates no identity for API key callers: `ctx.identity` is
    // null. The docs list an identity shape for every other mode only, and
    // @aws-appsync/utils types it `… | undefined | null`; a Lambda resolver's
    // event shows `"identity": null` for an API key request.
    // https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js
    return { ok: true, caller: { authMode: 'API_KEY', identity: null } };
  };
}
