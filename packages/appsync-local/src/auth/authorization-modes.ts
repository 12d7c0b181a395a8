import type { JSONWebKeySet } from 'jose';
import type { ApiKey } from './api-key-authenticator.ts';
import type { UserPoolIdentity } from './local-user-pool.ts';
import type { RequestAuthenticatorOptions } from './request-authenticator.ts';

// An API's authorization modes as AppSync names them: one default mode and
// any number of additional ones.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html

/** AppSync's five authorization types. */
export type AuthorizationType = 'API_KEY' | 'AMAZON_COGNITO_USER_POOLS' | 'AWS_IAM' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

export type AuthorizationMode =
  /** callers send one of these keys in `x-api-key`; an expired key is refused */
  | { type: 'API_KEY'; apiKeys: readonly ApiKey[] }
  /** callers send an ID or access token of this pool, signed by these keys, in `Authorization` */
  | { type: 'AMAZON_COGNITO_USER_POOLS'; userPool: UserPoolIdentity; jwks: JSONWebKeySet }
  /** not emulated yet: refused at start */
  | { type: 'AWS_IAM' }
  /** not emulated yet: refused at start */
  | { type: 'OPENID_CONNECT'; issuer: string; clientId?: string }
  /** not emulated yet: refused at start */
  | { type: 'AWS_LAMBDA'; functionArn: string };

export interface AuthorizationConfig {
  /** the mode of fields and types that name none */
  default: AuthorizationMode;
  additional?: AuthorizationMode[];
}

/** The modes this runtime emulates so far. */
export const SUPPORTED_AUTHORIZATION_TYPES: readonly AuthorizationType[] = ['API_KEY', 'AMAZON_COGNITO_USER_POOLS'];

/**
 * The credentials each mode accepts, or an error that names every mode the
 * local runtime does not emulate, so an API is never served with a mode
 * silently missing.
 */
export function authenticatorOptions(config: AuthorizationConfig): RequestAuthenticatorOptions {
  const modes = [config.default, ...(config.additional ?? [])];
  const unsupported = modes.filter((mode) => !SUPPORTED_AUTHORIZATION_TYPES.includes(mode.type));
  if (unsupported.length > 0) {
    throw new Error(
      `appsync-local does not emulate the authorization mode${unsupported.length > 1 ? 's' : ''} ` +
        `${unsupported.map((mode) => mode.type).join(', ')} yet; it emulates ${SUPPORTED_AUTHORIZATION_TYPES.join(' and ')}`,
    );
  }
  const types = modes.map((mode) => mode.type);
  const repeated = types.filter((type, index) => types.indexOf(type) !== index);
  if (repeated.length > 0) {
    throw new Error(`appsync-local emulates one mode of each type so far; ${repeated.join(', ')} is given more than once`);
  }
  const options: RequestAuthenticatorOptions = {};
  for (const mode of modes) {
    if (mode.type === 'API_KEY') {
      options.apiKeys = mode.apiKeys;
    } else if (mode.type === 'AMAZON_COGNITO_USER_POOLS') {
      options.cognito = { pool: mode.userPool, jwks: mode.jwks };
    }
  }
  return options;
}
