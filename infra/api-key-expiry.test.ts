import { describe, expect, it } from 'vitest';
import { apiKeyExpiryProblem, rollingApiKeyExpiry } from './api-key-expiry.ts';

describe('rollingApiKeyExpiry', () => {
  it('is 365 days after the first of the UTC month', () => {
    expect(rollingApiKeyExpiry(new Date('2026-11-25T08:30:00Z'))).toEqual(new Date('2027-11-01T00:00:00Z'));
    // 365 days after 1 March 2027 is 29 February 2028: the leap day counts.
    expect(rollingApiKeyExpiry(new Date('2027-03-10T00:00:00Z'))).toEqual(new Date('2028-02-29T00:00:00Z'));
  });

  it('is the same for every moment of a month', () => {
    expect(rollingApiKeyExpiry(new Date('2026-01-01T00:00:00Z'))).toEqual(
      rollingApiKeyExpiry(new Date('2026-01-31T23:59:59Z')),
    );
  });

  it.each(['2026-01-01T00:00:00Z', '2026-01-31T23:59:59Z', '2028-02-29T12:00:00Z'])(
    'gives an expiry AppSync accepts at any moment of the month (%s)',
    (now) => {
      expect(apiKeyExpiryProblem(rollingApiKeyExpiry(new Date(now)), new Date(now))).toBeUndefined();
    },
  );
});

describe('apiKeyExpiryProblem', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('accepts 1 to 365 days ahead', () => {
    expect(apiKeyExpiryProblem(new Date('2026-06-02T00:00:00Z'), now)).toBeUndefined();
    expect(apiKeyExpiryProblem(new Date('2027-06-01T00:00:00Z'), now)).toBeUndefined();
  });

  it('refuses less than a day or more than 365 days ahead, saying what AppSync accepts', () => {
    expect(apiKeyExpiryProblem(new Date('2026-06-01T12:00:00Z'), now)).toMatch(
      /is 0\.5 days from now; AppSync accepts 1 to 365 days/,
    );
    expect(apiKeyExpiryProblem(new Date('2027-06-02T00:00:00Z'), now)).toMatch(/is 366\.0 days from now/);
    expect(apiKeyExpiryProblem(new Date('2026-05-01T00:00:00Z'), now)).toMatch(/is -31\.0 days from now/);
  });

  it('refuses an invalid date', () => {
    expect(apiKeyExpiryProblem(new Date('not a date'), now)).toBe('the API key expiry is not a valid date');
  });
});
