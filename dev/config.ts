import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { DEV_ALLOWED_ORIGINS, parseAllowedOrigins } from '../model/allowed-origins.ts';
import { parseStage, type Stage } from '../model/api-settings.ts';
import { eventsTable } from '../model/events-table.ts';
import { fromProjectRoot } from '../model/project-paths.ts';
import { APPSYNC_EXECUTION_TIMEOUT_MS } from 'appsync-local';

// `npm run dev` is configured by environment variables, read from `.env` too
// (a variable set in the environment wins over the file). `.env.example`
// documents each one (config.test.ts holds it to LOCAL_VARIABLES and the
// defaults here). `cdk deploy` reads none of them: see infra/deploy-config.ts.

/** Every variable `npm run dev` reads. */
export const LOCAL_VARIABLES = [
  'PORT',
  'API_KEY',
  'API_KEY_EXPIRES_AT',
  'DYNAMODB_ENDPOINT',
  'DATA_DIR',
  'DYNAMODB_IN_MEMORY',
  'RESOLVER_TIMEOUT_MS',
  'TABLE_NAME',
  'ALLOWED_ORIGINS',
  'STAGE',
  'TLS',
] as const;

type LocalVariable = (typeof LOCAL_VARIABLES)[number];

/** The local API key: fixed and documented, so README examples work unchanged. */
export const DEFAULT_API_KEY = 'da2-local-events-api-key';
export const DEFAULT_PORT = 4000;

export interface LocalConfig {
  port: number;
  apiKey: string;
  /** when set, the API key is refused after this moment, as an expired AppSync key is */
  apiKeyExpiresAt?: Date;
  /** use this DynamoDB instead of starting DynamoDB Local */
  dynamodbEndpoint?: string;
  /** where DynamoDB Local keeps its data (ignored in memory) */
  dataDir: string;
  inMemory: boolean;
  tableName: string;
  /** CORS: browser origins allowed to call the API */
  allowedOrigins: string[];
  stage: Stage;
  /** how long a resolver's data-source calls may take (AppSync's limit: 30 s) */
  resolverTimeoutMs: number;
  /** serve https:// and wss:// (for Amplify JS v6 subscriptions) with the certificate in .local/tls */
  tls: boolean;
}

export class ConfigError extends Error {}

function readDotEnv(path: string): Record<string, string | undefined> {
  return existsSync(path) ? parseEnv(readFileSync(path, 'utf8')) : {};
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') {
    return DEFAULT_PORT;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number (0 to 65535), not "${value}"`);
  }
  return port;
}

function parseMilliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') {
    return fallback;
  }
  const milliseconds = Number(value);
  if (!Number.isInteger(milliseconds) || milliseconds < 1) {
    throw new ConfigError(`${name} must be a whole number of milliseconds, not "${value}"`);
  }
  return milliseconds;
}

function parseEndpoint(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new ConfigError(
      `${name} must be a URL such as http://127.0.0.1:8000, not "${value}" (unset it to start DynamoDB Local)`,
    );
  }
  return value;
}

function parseBoolean(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') {
    return false;
  }
  if (value === 'true' || value === '1') {
    return true;
  }
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
}

function parseDate(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new ConfigError(`${name} must be an ISO 8601 date-time, not "${value}"`);
  }
  return date;
}

/**
 * The explorer's own origins, and the local front-end dev servers the dev
 * stack allows too, so either works without any setting.
 */
function defaultOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...DEV_ALLOWED_ORIGINS];
}

function parseOrigins(value: string | undefined, port: number): string[] {
  const origins = parseAllowedOrigins(value ?? '');
  return origins.length > 0 ? origins : defaultOrigins(port);
}

export function loadConfig(
  environment: Record<string, string | undefined> = process.env,
  dotEnvPath = fromProjectRoot('.env'),
): LocalConfig {
  const env: Partial<Record<LocalVariable, string>> = { ...readDotEnv(dotEnvPath), ...environment };
  const port = parsePort(env.PORT);
  return {
    port,
    apiKey: env.API_KEY || DEFAULT_API_KEY,
    apiKeyExpiresAt: parseDate('API_KEY_EXPIRES_AT', env.API_KEY_EXPIRES_AT),
    dynamodbEndpoint: parseEndpoint('DYNAMODB_ENDPOINT', env.DYNAMODB_ENDPOINT),
    dataDir: fromProjectRoot(env.DATA_DIR || '.data/dynamodb'),
    inMemory: parseBoolean('DYNAMODB_IN_MEMORY', env.DYNAMODB_IN_MEMORY),
    tableName: env.TABLE_NAME || eventsTable.name,
    allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS, port),
    stage: parseStage(env.STAGE, 'STAGE'),
    resolverTimeoutMs: parseMilliseconds('RESOLVER_TIMEOUT_MS', env.RESOLVER_TIMEOUT_MS, APPSYNC_EXECUTION_TIMEOUT_MS),
    tls: parseBoolean('TLS', env.TLS),
  };
}
