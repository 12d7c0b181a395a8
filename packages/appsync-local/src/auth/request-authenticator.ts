import type { RequestAuthenticator } from '../types.ts';
import { createApiKeyAuthenticator, type ApiKey } from './api-key-authenticator.ts';
import { createCognitoAuthenticator, type CognitoAuthenticatorOptions } from './cognito-authenticator.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

// An API's authorization modes side by side, as AppSync combines a default
// mode with additional ones: each request is checked by one mode, chosen by
// the credential header it carries, and a refused credential ends the
// request (HTTP 401) without trying another mode.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
//
// With both `x-api-key` and `Authorization` present, AppSync uses the API
// key: a Cognito-only field then answers "Not Authorized to access …", and a
// bad token next to a good key goes unnoticed.
// https://github.com/aws/aws-appsync-community/issues/169

export interface RequestAuthenticatorOptions {
  /** the API's keys (API_KEY mode); without them, `x-api-key` is not a credential */
  apiKeys?: readonly ApiKey[];
  /** the user pool whose tokens are accepted (AMAZON_COGNITO_USER_POOLS mode); without it, neither is `Authorization` */
  cognito?: CognitoAuthenticatorOptions;
}

export function createRequestAuthenticator(options: RequestAuthenticatorOptions): RequestAuthenticator {
  const byApiKey = options.apiKeys && createApiKeyAuthenticator({ apiKeys: options.apiKeys });
  const byUserPoolToken = options.cognito && createCognitoAuthenticator(options.cognito);
  return async (request) => {
    if (byApiKey && request.headers['x-api-key']) {
      return byApiKey(request);
    }
    if (byUserPoolToken && request.headers.authorization) {
      return byUserPoolToken(request);
    }
    return { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
  };
}
