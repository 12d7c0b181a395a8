import type { JSONWebKeySet } from 'jose';
import type { AuthMode } from '../types.ts';
import type { ApiKey } from './api-key-authenticator.ts';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.ts';
import type { LambdaAuthorizerOptions } from './lambda-authenticator.ts';
import type { UserPoolIdentity } from './local-user-pool.ts';
import type { OidcAuthenticatorOptions } from './oidc-authenticator.ts';
import type { RequestAuthenticatorOptions } from './request-authenticator.ts';
import type { LocalIamCredentials } from './sigv4-authenticator.ts';

// An API's authorization modes as AppSync names them: one default mode and
// any number of additional ones.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html

/** AppSync's five authorization types. */
export type AuthorizationType = AuthMode;

export type AuthorizationMode =
  /** callers send one of these keys in `x-api-key`; an expired key is refused */
  | { type: 'API_KEY'; apiKeys: readonly ApiKey[] }
  /** callers send an ID or access token of this pool, signed by these keys, in `Authorization` */
  | { type: 'AMAZON_COGNITO_USER_POOLS'; userPool: UserPoolIdentity; jwks: JSONWebKeySet }
  /** callers sign requests with SigV4 (service `appsync`) using one of these credentials */
  | { type: 'AWS_IAM'; credentials: readonly LocalIamCredentials[] }
  /** callers send an ID token of this issuer, signed by one of `jwks`, in `Authorization` */
  | ({ type: 'OPENID_CONNECT' } & OidcAuthenticatorOptions)
  /**
   * callers send a token the authorizer judges, in `Authorization`: a Node.js
   * function run from its code (`function`), or any `invoke` that answers as one
   */
  | ({ type: 'AWS_LAMBDA' } & Omit<LambdaAuthorizerOptions, 'invoke'> &
      ({ function: LambdaFunctionDefinition } | Pick<LambdaAuthorizerOptions, 'invoke'>));

/** Starts an authorizer function, answering how to invoke it. */
export type AuthorizerStarter = (definition: LambdaFunctionDefinition) => LambdaAuthorizerOptions['invoke'];

export interface AuthorizationConfig {
  /** the mode of fields and types that name none */
  default: AuthorizationMode;
  additional?: AuthorizationMode[];
}

/** The modes this runtime emulates: all of AppSync's. */
export const SUPPORTED_AUTHORIZATION_TYPES: readonly AuthorizationType[] = [
  'API_KEY',
  'AMAZON_COGNITO_USER_POOLS',
  'AWS_IAM',
  'OPENID_CONNECT',
  'AWS_LAMBDA',
];

/** Every mode of the API, the default one first. */
export function modesOf(config: AuthorizationConfig): AuthorizationMode[] {
  return [config.default, ...(config.additional ?? [])];
}

/** The credentials each mode accepts; an authorizer given as a function is started with `startAuthorizer`. */
export function authenticatorOptions(
  config: AuthorizationConfig,
  startAuthorizer: AuthorizerStarter,
): RequestAuthenticatorOptions {
  const types = modesOf(config).map((mode) => mode.type);
  const repeated = types.filter((type, index) => types.indexOf(type) !== index);
  if (repeated.length > 0) {
    throw new Error(`appsync-local emulates one mode of each type so far; ${repeated.join(', ')} is given more than once`);
  }
  const options: RequestAuthenticatorOptions = { defaultMode: config.default.type };
  for (const mode of modesOf(config)) {
    if (mode.type === 'API_KEY') {
      options.apiKeys = mode.apiKeys;
    } else if (mode.type === 'AMAZON_COGNITO_USER_POOLS') {
      options.cognito = { pool: mode.userPool, jwks: mode.jwks };
    } else if (mode.type === 'AWS_IAM') {
      options.iam = mode.credentials;
    } else if (mode.type === 'OPENID_CONNECT') {
      options.oidc = mode;
    } else {
      options.lambda = 'function' in mode ? { ...mode, invoke: startAuthorizer(mode.function) } : mode;
    }
  }
  return options;
}
