// The encoding helpers of `util`, with the Java semantics AppSync inherits:
// form URL encoding (java.net.URLEncoder: space → '+', only `.-*_` and
// alphanumerics kept), JavaScript escaping as Apache Commons Lang does it, and
// base64 of UTF-8 text.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html

const FORM_SAFE = /[A-Za-z0-9.\-*_]/;

const SHORT_ESCAPES: Record<string, string> = {
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
};

function unicodeEscape(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Quotes, backslash and slash escaped; control and non-ASCII UTF-16 units as `\uXXXX`. */
export function escapeJavaScript(value: string): string {
  let escaped = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    const codeUnit = value.charCodeAt(index);
    if (Object.prototype.hasOwnProperty.call(SHORT_ESCAPES, char)) {
      escaped += SHORT_ESCAPES[char];
    } else if (codeUnit < 0x20 || codeUnit > 0x7f) {
      escaped += unicodeEscape(codeUnit);
    } else {
      escaped += char;
    }
  }
  return escaped;
}

/** `application/x-www-form-urlencoded` encoding of the UTF-8 bytes. */
export function urlEncode(value: string): string {
  let encoded = '';
  for (const char of value) {
    if (char === ' ') {
      encoded += '+';
    } else if (FORM_SAFE.test(char)) {
      encoded += char;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) {
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return encoded;
}

export function urlDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new Error(`util.urlDecode: "${value}" is not a valid URL-encoded string`);
  }
}

export function base64Encode(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

export function base64Decode(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}
