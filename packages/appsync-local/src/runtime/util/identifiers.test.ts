import { describe, expect, it } from 'vitest';
import { autoId, autoKsuid, autoUlid } from './identifiers.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html

const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function decode(text: string, alphabet: string): bigint {
  return text.split('').reduce((value, char) => value * BigInt(alphabet.length) + BigInt(alphabet.indexOf(char)), 0n);
}

describe('autoId', () => {
  it('is a random UUID v4', () => {
    const ids = new Set(Array.from({ length: 100 }, () => autoId()));
    expect(ids.size).toBe(100);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

describe('autoUlid', () => {
  it('is 26 Crockford base32 characters whose first 10 encode the time', () => {
    const now = Date.UTC(2024, 4, 1, 12, 0, 0, 123);
    const ulid = autoUlid(now);
    expect(ulid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(decode(ulid.slice(0, 10), CROCKFORD_BASE32)).toBe(BigInt(now));
  });

  it('sorts by time and differs within one millisecond', () => {
    expect(autoUlid(1_000) < autoUlid(2_000)).toBe(true);
    expect(autoUlid(5_000)).not.toBe(autoUlid(5_000));
  });
});

describe('autoKsuid', () => {
  it('is 27 base62 characters holding seconds since the KSUID epoch and 16 random bytes', () => {
    const now = Date.UTC(2024, 4, 1, 12, 0, 0);
    const ksuid = autoKsuid(now);
    expect(ksuid).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(decode(ksuid, BASE62) >> 128n).toBe(BigInt(now / 1000 - 1_400_000_000));
  });

  it('sorts by time', () => {
    expect(autoKsuid(Date.UTC(2020, 0, 1)) < autoKsuid(Date.UTC(2021, 0, 1))).toBe(true);
  });
});
