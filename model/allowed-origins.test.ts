import { describe, expect, it } from 'vitest';
import { assertValidOrigins, parseAllowedOrigins } from './allowed-origins.ts';

describe('parseAllowedOrigins', () => {
  it('splits on commas and trims', () => {
    expect(parseAllowedOrigins(' https://app.example.com ,http://localhost:5173,')).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it('gives no origins for a blank value', () => {
    expect(parseAllowedOrigins('')).toEqual([]);
    expect(parseAllowedOrigins(' , ')).toEqual([]);
  });

  it('takes "*" alone', () => {
    expect(parseAllowedOrigins('*')).toEqual(['*']);
  });

  it('refuses "*" among other origins', () => {
    expect(() => parseAllowedOrigins('*, https://app.example.com')).toThrow(
      '"*" allows every origin, so list it alone',
    );
  });
});

describe('assertValidOrigins', () => {
  it('accepts origins as browsers send them', () => {
    expect(() =>
      assertValidOrigins(['https://app.example.com', 'http://localhost:3000', 'https://[::1]:8443']),
    ).not.toThrow();
  });

  it.each([
    ['app.example.com', /"app\.example\.com" is not an origin; write it like https:\/\/app\.example\.com/],
    ['ftp://files.example.com', /must start with https:\/\/ or http:\/\//],
    ['https://app.example.com/', /write "https:\/\/app\.example\.com\/" as "https:\/\/app\.example\.com"/],
    ['https://App.Example.com', /as "https:\/\/app\.example\.com"/],
    ['https://app.example.com:443', /as "https:\/\/app\.example\.com"/],
    ['https://app.example.com/path', /as "https:\/\/app\.example\.com"/],
  ])('refuses %s, saying how to write it', (origin, message) => {
    expect(() => assertValidOrigins([origin])).toThrow(message);
  });
});
