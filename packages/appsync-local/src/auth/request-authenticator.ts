import type { RequestAuthenticator } from '../types.ts';
import { createApiKeyAuthenticator, type ApiKey } from './api-key-authenticator.ts';
import { createCognitoAuthenticator, type CognitoAuthenticatorOptions } from './cognito-authenticator.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

// The Events API's two authorization modes side by side, as AppSync combines
// a default mode with additional ones: each request is checked by one mode,
// chosen by the credential header it carries, and a refused credential ends
// the request (HTTP 401) without trying the other mode.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
//
// With both `x-api-key` and `Authorization` present, AppSync uses the API
// key: a Cognito-only field then answers "Not Authorized to access …", and a
// bad token next to a good key goes unnoticed.
// https://github.com/aws/aws-appsync-community/issues/169

export interface RequestAuthenticatorOptions {
  /** the API's keys (API_KEY mode) */
  apiKeys: readonly ApiKey[];
  /** the user pool whose tokens are accepted (AMAZON_COGNITO_USER_POOLS mode) */
  cognito: CognitoAuthenticatorOptions;
}

export function createRequestAuthenticator(options: RequestAuthenticatorOptions): RequestAuthenticator {
  const byApiKey = createApiKeyAuthenticator({ apiKeys: options.apiKeys });
  const byUserPoolToken = createCognitoAuthenticator(options.cognito);
  return async (request) => {
    if (request.headers['x-api-key']) {
      return byApiKey(request);
    }
    if (request.headers.authorization) {
      return byUserPoolToken(request);
    }
    return { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
  };
}
