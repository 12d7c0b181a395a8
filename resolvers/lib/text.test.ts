import { describe, expect, it } from 'vitest';
import { readText } from './text';

// Runs in Node, where the same code runs as in APPSYNC_JS: only split(''),
// string comparison and the array methods AWS lists.

describe('readText', () => {
  it.each([
    ['plain ASCII', 'Berlin', 6],
    ['an emoji outside the BMP as one character', '🎉', 1],
    ['100 emoji as 100 characters, not 200', '🎉'.repeat(100), 100],
    ['accented letters', 'Zürich Café', 11],
    ['CJK', '東京', 2],
  ])('counts %s in code points', (_, text, length) => {
    expect(readText(text, [])).toMatchObject({ length, wellFormed: true, hasVisible: true });
  });

  it.each([
    ['a lone high surrogate', 'a\uD83Db'],
    ['a lone low surrogate', 'a\uDE00b'],
    ['a high surrogate at the end', 'abc\uD83D'],
    ['two high surrogates in a row', '\uD83D\uD83D\uDE00'],
  ])('finds %s: not well-formed', (_, text) => {
    expect(readText(text, []).wellFormed).toBe(false);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001B'],
    ['DEL', '\u007F'],
    ['a C1 control', '\u0085'],
    ['a newline where none is allowed', 'a\nb'],
  ])('finds %s as a forbidden control character', (_, text) => {
    expect(readText(text, []).hasForbiddenControl).toBe(true);
  });

  it('keeps the control characters a field allows', () => {
    expect(readText('Line one\nLine two\tindented\r\n', ['\t', '\n', '\r']).hasForbiddenControl).toBe(false);
  });

  it.each([
    ['a zero-width space', '\u200B'],
    ['bidi overrides and isolates', '\u202E\u2066\u2069\u202C'],
    ['a byte order mark and a word joiner', '\uFEFF\u2060'],
    ['no-break and ideographic spaces', '\u00A0\u3000'],
    ['a tag character (U+E0041)', '\uDB40\uDC41'],
    ['controls alone', '\u0000\u0007'],
  ])('sees nothing visible in %s', (_, text) => {
    expect(readText(text, ['\u0000', '\u0007']).hasVisible).toBe(false);
  });

  it('keeps invisible characters inside visible text: a family emoji joined by zero-width joiners', () => {
    expect(readText('👨\u200D👩\u200D👧', [])).toEqual({ length: 5, wellFormed: true, hasForbiddenControl: false, hasVisible: true });
  });
});
