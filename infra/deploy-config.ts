import { parseAllowedOrigins } from '../model/allowed-origins.ts';
import { parseStage, type Stage } from '../model/api-settings.ts';
import type { ExistingUserPool } from './api-user-pool.ts';

// `cdk synth`/`cdk deploy` read their settings from CDK context only (`-c
// key=value`, cdk.json, cdk.context.json), never from environment variables:
// a STAGE or ALLOWED_ORIGINS left exported from `npm run dev` must not
// retarget a deploy.

/** What `cdk synth`/`cdk deploy` was asked for. */
export interface DeployConfig {
  stage: Stage;
  /** undefined: use the stack's default for the stage */
  allowedOrigins?: string[];
  existingUserPool?: ExistingUserPool;
  /** undefined: use the stack's rolling default */
  apiKeyExpiresAt?: Date;
}

/** Reads a context setting as a string. */
export type SettingReader = (contextKey: string) => string | undefined;

/**
 * A SettingReader over CDK context (`app.node.tryGetContext`). A list in
 * cdk.json's context reads as its comma-joined items.
 */
export function settingReader(context: (key: string) => unknown): SettingReader {
  return (contextKey) => {
    const value = context(contextKey);
    if (value === undefined || value === null) {
      return undefined;
    }
    return Array.isArray(value) ? value.join(',') : String(value);
  };
}

/**
 * Context keys:
 * - `stage`: `dev` (default) or `prod`
 * - `allowedOrigins`: comma-separated origins, or `*`
 * - `userPoolId` and `userPoolClientId`: an existing pool and client, both or neither
 * - `apiKeyExpiresOn`: a date such as `2026-06-30`, to pin the API key's expiry
 */
export function readDeployConfig(read: SettingReader): DeployConfig {
  const origins = parseAllowedOrigins(read('allowedOrigins') ?? '');
  return {
    stage: parseStage(read('stage'), '-c stage'),
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
