import { resolve } from 'node:path';
import { loadLocalUserPoolKeys, type LocalUserPoolKeys } from '../auth/local-jwks.ts';
import { localUserPool } from '../auth/local-user-pool.ts';
import type { AuthorizationConfig, AuthorizationMode, AuthorizationType } from '../auth/authorization-modes.ts';
import type { StackApi } from './api-from-stack.ts';

// The authorization modes of an API read from an assembly, as the local
// runtime applies them: the template's API keys, a local stand-in for each
// user pool (signed with the key `appsync-local token` signs with).

export interface AuthorizationOptions {
  /** where `serve` and `token` keep their state (the user pool key in `auth/`) */
  stateDir: string;
  /** the local user pool's keys; default those in `<stateDir>/auth` */
  userPoolKeys?: LocalUserPoolKeys;
}

async function authorizationMode(type: AuthorizationType, api: StackApi, options: AuthorizationOptions): Promise<AuthorizationMode> {
  if (type === 'API_KEY') {
    return { type, apiKeys: api.apiKeys };
  }
  if (type === 'AMAZON_COGNITO_USER_POOLS' && api.userPool) {
    const keys = options.userPoolKeys ?? (await loadLocalUserPoolKeys({ directory: resolve(options.stateDir, 'auth') }));
    return { type, userPool: localUserPool(api.userPool.userPoolId, api.userPool.clientId), jwks: keys.jwks };
  }
  return { type } as AuthorizationMode;
}

export async function apiAuthorization(api: StackApi, options: AuthorizationOptions): Promise<AuthorizationConfig> {
  return {
    default: await authorizationMode(api.defaultAuth, api, options),
    additional: await Promise.all(api.additionalAuth.map((type) => authorizationMode(type, api, options))),
  };
}
