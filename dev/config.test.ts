import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../model/project-paths.ts';
import { DEFAULT_API_KEY, LOCAL_VARIABLES, loadConfig } from './config.ts';

const NO_DOT_ENV = join(tmpdir(), 'no-such-dir', '.env');

function dotEnv(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'events-config-')), '.env');
  writeFileSync(path, text);
  return path;
}

describe('loadConfig', () => {
  it('has documented defaults that work with no settings', () => {
    expect(loadConfig({}, NO_DOT_ENV)).toEqual({
      port: 4000,
      apiKey: DEFAULT_API_KEY,
      apiKeyExpiresAt: undefined,
      dynamodbEndpoint: undefined,
      dataDir: fromProjectRoot('.data/dynamodb'),
      inMemory: false,
      tableName: 'events',
      allowedOrigins: [
        'http://127.0.0.1:4000',
        'http://localhost:4000',
        'http://localhost:3000',
        'http://localhost:5173',
      ],
      stage: 'dev',
      resolverTimeoutMs: 30_000,
      tls: false,
    });
  });

  it('is documented by .env.example: every variable it reads, in order, with its default', () => {
    const example = fromProjectRoot('.env.example');
    const documented = [...readFileSync(example, 'utf8').matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map(
      (match) => match[1],
    );
    expect(documented).toEqual(LOCAL_VARIABLES);
    expect(loadConfig({}, example)).toEqual(loadConfig({}, NO_DOT_ENV));
  });

  it('reads .env, and the environment wins over it', () => {
    const path = dotEnv('PORT=5000\nAPI_KEY=from-file\nDYNAMODB_IN_MEMORY=true\n');
    const config = loadConfig({ API_KEY: 'from-env' }, path);
    expect(config).toMatchObject({ port: 5000, apiKey: 'from-env', inMemory: true });
  });

  it('splits ALLOWED_ORIGINS and allows every origin only when asked', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example, https://b.example' }, NO_DOT_ENV).allowedOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(loadConfig({ ALLOWED_ORIGINS: '*' }, NO_DOT_ENV).allowedOrigins).toEqual(['*']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT must be a port number'],
    [{ DYNAMODB_IN_MEMORY: 'yes' }, 'DYNAMODB_IN_MEMORY must be true or false'],
    [{ STAGE: 'staging' }, 'STAGE must be "dev" or "prod"'],
    [{ API_KEY_EXPIRES_AT: 'soon' }, 'API_KEY_EXPIRES_AT must be an ISO 8601 date-time'],
    [{ RESOLVER_TIMEOUT_MS: '2s' }, 'RESOLVER_TIMEOUT_MS must be a whole number of milliseconds'],
    [{ DYNAMODB_ENDPOINT: 'localhost:8000' }, 'DYNAMODB_ENDPOINT must be a URL such as http://127.0.0.1:8000'],
    [{ DYNAMODB_ENDPOINT: 'http//127.0.0.1' }, 'DYNAMODB_ENDPOINT must be a URL such as http://127.0.0.1:8000'],
  ])('refuses %j with a one-line message', (environment, message) => {
    expect(() => loadConfig(environment, NO_DOT_ENV)).toThrow(message);
  });
});
