import { describe, expect, it } from 'vitest';
import { readDeployConfig, settingReader } from './deploy-config.ts';

function configFrom(context: Record<string, unknown>, env: Record<string, string> = {}) {
  return readDeployConfig(settingReader((key) => context[key], env));
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

  it('reads the stage from -c stage, else from STAGE', () => {
    expect(configFrom({ stage: 'prod' }, { STAGE: 'dev' }).stage).toBe('prod');
    expect(configFrom({}, { STAGE: 'prod' }).stage).toBe('prod');
  });

  it('refuses an unknown stage', () => {
    expect(() => configFrom({ stage: 'staging' })).toThrow('STAGE must be "dev" or "prod", not "staging"');
  });

  it('reads allowed origins from -c allowedOrigins, else from ALLOWED_ORIGINS', () => {
    expect(
      configFrom({ allowedOrigins: 'https://a.example.com, https://b.example.com' }, { ALLOWED_ORIGINS: '*' })
        .allowedOrigins,
    ).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(configFrom({}, { ALLOWED_ORIGINS: '*' }).allowedOrigins).toEqual(['*']);
  });

  it('reads a list of origins in cdk.json context', () => {
    expect(configFrom({ allowedOrigins: ['https://a.example.com', 'https://b.example.com'] }).allowedOrigins).toEqual([
      'https://a.example.com',
      'https://b.example.com',
    ]);
  });

  it('treats a blank ALLOWED_ORIGINS as not given', () => {
    expect(configFrom({}, { ALLOWED_ORIGINS: ' ' }).allowedOrigins).toBeUndefined();
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
