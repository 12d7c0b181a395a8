import { decodeJwt } from 'jose';
import type { AuthMode, RequestAuthenticator } from '../types.ts';
import { createApiKeyAuthenticator, type ApiKey } from './api-key-authenticator.ts';
import { createCognitoAuthenticator, type CognitoAuthenticatorOptions } from './cognito-authenticator.ts';
import { createLambdaAuthenticator, type LambdaAuthorizerOptions } from './lambda-authenticator.ts';
import { createOidcAuthenticator, type OidcAuthenticatorOptions } from './oidc-authenticator.ts';
import {
  createSigV4Authenticator,
  hasSigV4Signature,
  MISSING_SIGNATURE,
  type LocalIamCredentials,
} from './sigv4-authenticator.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

// An API's authorization modes side by side, as AppSync combines a default
// mode with additional ones: each request is checked by one mode, chosen by
// the credentials it carries, and a refused credential ends the request
// (HTTP 401, 403 for SigV4) without trying another mode.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
//
// - `x-api-key` → API_KEY. With both `x-api-key` and `Authorization` present,
//   AppSync uses the API key: a Cognito-only field then answers "Not
//   Authorized to access …", and a bad token next to a good key goes
//   unnoticed (https://github.com/aws/aws-appsync-community/issues/169).
// - a SigV4 signature (`Authorization: AWS4-HMAC-SHA256 …` or X-Amz-* query
//   parameters) → AWS_IAM.
// - an `Authorization` JWT whose issuer is the user pool's → AMAZON_COGNITO_USER_POOLS;
//   whose issuer is the OIDC provider's → OPENID_CONNECT.
// - any other `Authorization` value → the Lambda authorizer, if the API has
//   one; else the user pool or the OIDC provider, which refuse it as no JWT;
//   else IAM, which refuses it as an incomplete signature.
// - no credentials at all: 401, or 403 MissingAuthenticationTokenException
//   when the default mode is IAM (see sigv4-authenticator.ts).

export interface RequestAuthenticatorOptions {
  /** the API's keys (API_KEY mode); without them, `x-api-key` is not a credential */
  apiKeys?: readonly ApiKey[];
  /** the user pool whose tokens are accepted (AMAZON_COGNITO_USER_POOLS mode) */
  cognito?: CognitoAuthenticatorOptions;
  /** the credentials SigV4 signatures are checked against (AWS_IAM mode) */
  iam?: readonly LocalIamCredentials[];
  /** the OpenID Connect provider whose tokens are accepted (OPENID_CONNECT mode) */
  oidc?: OidcAuthenticatorOptions;
  /** the authorizer function (AWS_LAMBDA mode) */
  lambda?: LambdaAuthorizerOptions;
  /** the API's default mode, which decides how a request without credentials is refused */
  defaultMode?: AuthMode;
}

function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

export function createRequestAuthenticator(options: RequestAuthenticatorOptions): RequestAuthenticator {
  const byApiKey = options.apiKeys && createApiKeyAuthenticator({ apiKeys: options.apiKeys });
  const bySignature = options.iam && createSigV4Authenticator(options.iam);
  const byUserPoolToken = options.cognito && createCognitoAuthenticator(options.cognito);
  const byOidcToken = options.oidc && createOidcAuthenticator(options.oidc);
  const byAuthorizer = options.lambda && createLambdaAuthenticator(options.lambda);
  const { defaultMode } = options;
  return async (request) => {
    if (byApiKey && request.headers['x-api-key']) {
      return byApiKey(request);
    }
    if (bySignature && hasSigV4Signature(request)) {
      return bySignature(request);
    }
    const token = request.headers.authorization;
    if (token) {
      const issuer = issuerOf(token);
      if (byUserPoolToken && issuer === options.cognito!.pool.issuer) {
        return byUserPoolToken(request);
      }
      if (byOidcToken && issuer === options.oidc!.issuer) {
        return byOidcToken(request);
      }
      const fallback = byAuthorizer ?? byUserPoolToken ?? byOidcToken ?? bySignature;
      if (fallback) {
        return fallback(request);
      }
    }
    return defaultMode === 'AWS_IAM' ? MISSING_SIGNATURE : { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
  };
}
