import { join } from 'node:path';
import type { AuthorizationConfig, AuthorizationMode, AuthorizationType } from '../auth/authorization-modes.ts';
import { loadLocalIamCredentials } from '../auth/local-iam-credentials.ts';
import { loadLocalUserPoolKeys, type LocalUserPoolKeys } from '../auth/local-jwks.ts';
import { localUserPool } from '../auth/local-user-pool.ts';
import { OIDC_DISCOVERY_PATH } from '../auth/oidc-discovery.ts';
import { SIGV4_SERVICE } from '../auth/sigv4-authenticator.ts';
import type { StackApi } from './api-from-stack.ts';

// The local stand-ins `serve` puts behind each authorization mode of a
// template, and the banner lines that tell a developer how to call them.
// Keys and credentials live in the state folder's auth/ (kept across runs,
// so that configured clients and minted tokens keep working):
//   user-pool-signing-key.json   the user pools' signing key
//   oidc/user-pool-signing-key.json  the local OIDC issuer's signing key
//   iam-credentials.json         the local IAM user's access key and secret

/** Where the local OIDC issuer keeps its key, under the state folder's auth/. */
export function oidcKeyDirectory(authDirectory: string): string {
  return join(authDirectory, 'oidc');
}

export interface ServedAuthorization {
  config: AuthorizationConfig;
  /** `Label  value` lines for the banner, given the server's URL */
  banner(serverUrl: string): string[];
}

/** `userPoolKeys`: the local user pool's keys; default those kept in `authDirectory` */
export async function servedAuthorization(
  api: StackApi,
  authDirectory: string,
  userPoolKeys?: LocalUserPoolKeys,
): Promise<ServedAuthorization> {
  const banner: ((serverUrl: string) => string)[] = [];
  async function modeOf(type: AuthorizationType): Promise<AuthorizationMode> {
    switch (type) {
      case 'API_KEY':
        if (api.apiKeys.length > 0) {
          banner.push(() => `API key           ${api.apiKeys[0].key}`);
        }
        return { type, apiKeys: api.apiKeys };
      case 'AMAZON_COGNITO_USER_POOLS': {
        const pool = api.userPool;
        if (!pool) {
          throw new Error(`${api.name}: AMAZON_COGNITO_USER_POOLS without a UserPoolConfig`);
        }
        const keys = userPoolKeys ?? (await loadLocalUserPoolKeys({ directory: authDirectory }));
        banner.push(() => `User pool         ${pool.userPoolId} (client ${pool.clientId})`);
        return { type, userPool: localUserPool(pool.userPoolId, pool.clientId), jwks: keys.jwks };
      }
      case 'AWS_IAM': {
        const credentials = await loadLocalIamCredentials(authDirectory);
        banner.push(
          () => `IAM access key    ${credentials.accessKeyId} (secret ${credentials.secretAccessKey}; SigV4, service ${SIGV4_SERVICE}, any region)`,
        );
        return { type, credentials: [credentials] };
      }
      case 'OPENID_CONNECT': {
        const keys = await loadLocalUserPoolKeys({ directory: oidcKeyDirectory(authDirectory) });
        banner.push((serverUrl) => `OIDC issuer       ${api.oidc!.issuer} (discovery ${serverUrl}${OIDC_DISCOVERY_PATH})`);
        return { type, ...api.oidc!, jwks: keys.jwks };
      }
      case 'AWS_LAMBDA':
        banner.push(() => `Lambda authorizer ${api.lambdaAuthorizer!.function.functionName}`);
        return { type, ...api.lambdaAuthorizer! };
    }
  }
  const config = { default: await modeOf(api.defaultAuth), additional: [] as AuthorizationMode[] };
  for (const type of api.additionalAuth) {
    config.additional.push(await modeOf(type));
  }
  return { config, banner: (serverUrl) => banner.map((line) => line(serverUrl)) };
}
