import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html: form
// encoding, UTF-8 throughout; the expected strings are what java.net.URLEncoder
// and Apache Commons Lang's escapeJavaScript produce.

describe('urlEncode / urlDecode', () => {
  it('uses form encoding: space becomes +, only .-*_ and alphanumerics are kept', () => {
    expect(urlEncode("a b&c=d/é~*!'()")).toBe('a+b%26c%3Dd%2F%C3%A9%7E*%21%27%28%29');
    expect(urlEncode('Hello World')).toBe('Hello+World');
    expect(urlEncode('A-Z_a.z*09')).toBe('A-Z_a.z*09');
    expect(urlEncode('😀')).toBe('%F0%9F%98%80');
  });

  it('decodes + as a space and UTF-8 percent escapes', () => {
    expect(urlDecode('a+b%26c%3Dd%2F%C3%A9')).toBe('a b&c=d/é');
    expect(urlDecode(urlEncode('round trip: ünïcødé 😀 + more'))).toBe('round trip: ünïcødé 😀 + more');
  });

  it('refuses a malformed escape', () => {
    expect(() => urlDecode('%E0%A4%A')).toThrow('not a valid URL-encoded string');
  });
});

describe('base64Encode / base64Decode', () => {
  it('encodes UTF-8 text and decodes back to a string', () => {
    expect(base64Encode('Hello World')).toBe('SGVsbG8gV29ybGQ=');
    expect(base64Encode('é')).toBe('w6k=');
    expect(base64Decode('SGVsbG8gV29ybGQ=')).toBe('Hello World');
    expect(base64Decode(base64Encode('ünïcødé 😀'))).toBe('ünïcødé 😀');
  });
});

describe('escapeJavaScript', () => {
  it('escapes quotes, backslash, slash and control characters', () => {
    expect(escapeJavaScript(`He didn't say, "Stop!"`)).toBe(`He didn\\'t say, \\"Stop!\\"`);
    expect(escapeJavaScript('a\\b/c\n\t\r\b\f')).toBe('a\\\\b\\/c\\n\\t\\r\\b\\f');
  });

  it('writes other control and non-ASCII characters as \\uXXXX, per UTF-16 unit', () => {
    expect(escapeJavaScript('\u0001é€')).toBe('\\u0001\\u00E9\\u20AC');
    expect(escapeJavaScript('😀')).toBe('\\uD83D\\uDE00');
    expect(escapeJavaScript('plain ASCII ~')).toBe('plain ASCII ~');
  });
});
