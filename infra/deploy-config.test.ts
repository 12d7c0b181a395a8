import { describe, expect, it } from 'vitest';
import { readDeployConfig, settingReader } from './deploy-config.ts';

function configFrom(context: Record<string, unknown>) {
  return readDeployConfig(settingReader((key) => context[key]));
}

describe('readDeployConfig', () => {
  it('defaults to dev with the stack defaults for everything else', () => {
    expect(configFrom({})).toEqual({
      stage: 'dev',
      allowedOrigins: undefined,
      existingUserPool: undefined,
      apiKeyExpiresAt: undefined,
    });
  });

  it('reads the stage from -c stage', () => {
    expect(configFrom({ stage: 'prod' }).stage).toBe('prod');
  });

  it('ignores STAGE and ALLOWED_ORIGINS, which configure npm run dev, even when they are exported', () => {
    const saved = { STAGE: process.env.STAGE, ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS };
    Object.assign(process.env, { STAGE: 'prod', ALLOWED_ORIGINS: '*' });
    try {
      expect(configFrom({})).toMatchObject({ stage: 'dev', allowedOrigins: undefined });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('refuses an unknown stage', () => {
    expect(() => configFrom({ stage: 'staging' })).toThrow('-c stage must be "dev" or "prod", not "staging"');
  });

  it('reads allowed origins from -c allowedOrigins', () => {
    expect(configFrom({ allowedOrigins: 'https://a.example.com, https://b.example.com' }).allowedOrigins).toEqual([
      'https://a.example.com',
      'https://b.example.com',
    ]);
    expect(configFrom({ allowedOrigins: '*' }).allowedOrigins).toEqual(['*']);
  });

  it('reads a list of origins in cdk.json context', () => {
    expect(configFrom({ allowedOrigins: ['https://a.example.com', 'https://b.example.com'] }).allowedOrigins).toEqual([
      'https://a.example.com',
      'https://b.example.com',
    ]);
  });

  it('treats a blank -c allowedOrigins as not given', () => {
    expect(configFrom({ allowedOrigins: ' ' }).allowedOrigins).toBeUndefined();
  });

  it('refuses a malformed origin', () => {
    expect(() => configFrom({ allowedOrigins: 'app.example.com' })).toThrow(/not an origin/);
  });

  it('reads an existing user pool and client from context', () => {
    expect(configFrom({ userPoolId: 'eu-west-1_AbC', userPoolClientId: 'client123' }).existingUserPool).toEqual({
      userPoolId: 'eu-west-1_AbC',
      userPoolClientId: 'client123',
    });
  });

  it('refuses a user pool id without a client id, and the reverse', () => {
    expect(() => configFrom({ userPoolId: 'eu-west-1_AbC' })).toThrow(
      /both -c userPoolId=\.\.\. and -c userPoolClientId=\.\.\./,
    );
    expect(() => configFrom({ userPoolClientId: 'client123' })).toThrow(/both/);
  });

  it('pins the API key expiry with -c apiKeyExpiresOn', () => {
    expect(configFrom({ apiKeyExpiresOn: '2026-06-30' }).apiKeyExpiresAt).toEqual(new Date('2026-06-30T00:00:00.000Z'));
    expect(() => configFrom({ apiKeyExpiresOn: 'next june' })).toThrow(
      'apiKeyExpiresOn must be a date such as 2026-06-30, not "next june"',
    );
  });
});
