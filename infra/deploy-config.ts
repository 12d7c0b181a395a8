import { parseAllowedOrigins } from '../model/allowed-origins.ts';
import { parseStage, type Stage } from '../model/api-settings.ts';
import type { ExistingUserPool } from './api-user-pool.ts';

/** What `cdk synth`/`cdk deploy` was asked for, from `-c key=value` context or the environment. */
export interface DeployConfig {
  stage: Stage;
  /** undefined: use the stack's default for the stage */
  allowedOrigins?: string[];
  existingUserPool?: ExistingUserPool;
  /** undefined: use the stack's rolling default */
  apiKeyExpiresAt?: Date;
}

/** Reads a setting: the CDK context value, else the environment variable if one is named. */
export type SettingReader = (contextKey: string, envName?: string) => string | undefined;

/**
 * A SettingReader over CDK context (`app.node.tryGetContext`) and the
 * environment. A list in cdk.json's context reads as its comma-joined items.
 */
export function settingReader(context: (key: string) => unknown, env: NodeJS.ProcessEnv): SettingReader {
  return (contextKey, envName) => {
    const value = context(contextKey);
    if (value !== undefined && value !== null) {
      return Array.isArray(value) ? value.join(',') : String(value);
    }
    return envName === undefined ? undefined : env[envName];
  };
}

/**
 * Context keys, with the environment variable read when the key is absent:
 * - `stage` (STAGE): `dev` (default) or `prod`
 * - `allowedOrigins` (ALLOWED_ORIGINS): comma-separated origins, or `*`
 * - `userPoolId` and `userPoolClientId`: an existing pool and client, both or neither
 * - `apiKeyExpiresOn`: a date such as `2026-06-30`, to pin the API key's expiry
 */
export function readDeployConfig(read: SettingReader): DeployConfig {
  const origins = parseAllowedOrigins(read('allowedOrigins', 'ALLOWED_ORIGINS') ?? '');
  return {
    stage: parseStage(read('stage', 'STAGE')),
    allowedOrigins: origins.length > 0 ? origins : undefined,
    existingUserPool: readExistingUserPool(read),
    apiKeyExpiresAt: readDate(read('apiKeyExpiresOn'), 'apiKeyExpiresOn'),
  };
}

function readExistingUserPool(read: SettingReader): ExistingUserPool | undefined {
  const userPoolId = read('userPoolId');
  const userPoolClientId = read('userPoolClientId');
  if (!userPoolId && !userPoolClientId) {
    return undefined;
  }
  if (!userPoolId || !userPoolClientId) {
    throw new Error(
      'Pass both -c userPoolId=... and -c userPoolClientId=... to use an existing user pool, or neither to create one',
    );
  }
  return { userPoolId, userPoolClientId };
}

function readDate(value: string | undefined, key: string): Date | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`${key} must be a date such as 2026-06-30, not "${value}"`);
  }
  return date;
}
