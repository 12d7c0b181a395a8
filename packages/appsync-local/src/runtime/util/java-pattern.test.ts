import { describe, expect, it } from 'vitest';
import { javaPatternToRegExpParts, UnsupportedJavaPatternError } from './java-pattern.ts';

// Java's Pattern syntax, as AppSync reads the pattern of String.replace / replaceAll:
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html (String)
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html

function replaceAll(value: string, pattern: string, replacement: string): string {
  const { source, flags } = javaPatternToRegExpParts(pattern);
  return value.replace(new RegExp(source, `${flags}g`), replacement);
}

describe('Java patterns as JavaScript regular expressions (Pattern.html constructs)', () => {
  it.each([
    ['a metacharacter is a regular expression, not a literal', 'a.b.c', '.', '-', '-----'],
    ['character classes and quantifiers', 'a1b22c333', '[0-9]+', '#', 'a#b#c#'],
    ['\\d and \\w', 'id_42!', '\\w+', 'X', 'X!'],
    ['\\s is ASCII whitespace only', 'a b\u00a0c', '\\s', '_', 'a_b\u00a0c'],
    ['\\Q…\\E quotes a literal', 'a.b*c', '\\Q.b*\\E', '-', 'a-c'],
    ['\\A and \\z anchor the whole input', 'ab\nab', '\\Aab', 'X', 'X\nab'],
    ['$ also matches before a final line terminator', 'ab\n', 'b$', 'X', 'aX\n'],
    ['. does not match a line terminator (\\u0085 included)', 'a\u0085b', 'a.b', 'X', 'a\u0085b'],
    ['a leading (?i) makes the match case-insensitive', 'Hello HELLO', '(?i)hello', 'x', 'x x'],
    ['a leading (?s) lets . match line terminators', 'a\nb', '(?s)a.b', 'X', 'X'],
    ['a leading (?m) anchors at lines', 'a\na', '(?m)^a', 'X', 'X\nX'],
    ['POSIX \\p{Alpha} and \\P{Digit}', 'a1-B', '\\p{Alpha}', '.', '.1-.'],
    ['POSIX classes inside a class', 'a1-B', '[\\p{Digit}-]', '.', 'a..B'],
    ['\\h horizontal whitespace', 'a\tb\nc', '\\h', '_', 'a_b\nc'],
    ['\\R any line break, \\r\\n as one', 'a\r\nb\nc', '\\R', '|', 'a|b|c'],
    ['octal \\0101 and \\x{41}', 'AB', '\\0101\\x{42}', 'ok', 'ok'],
    ['lazy quantifiers', '<a><b>', '<.+?>', 'T', 'TT'],
    ['groups and back references', 'aa bb cd', '(\\w)\\1', '=', '= = cd'],
    ['named groups', '2026-12', '(?<year>\\d{4})-(?<month>\\d{2})', '$<month>/$<year>', '12/2026'],
  ])('%s', (_name, value, pattern, replacement, expected) => {
    expect(replaceAll(value, pattern, replacement)).toBe(expected);
  });

  it.each([
    ['a possessive quantifier', 'a*+'],
    ['an atomic group', '(?>a|ab)'],
    ['a class union', '[a-c[x-z]]'],
    ['a class intersection', '[a-z&&[^e]]'],
    ['\\G', '\\Ga'],
    ['inline flags after the start', 'a(?i)b'],
    ['the comments flag', '(?x) a b'],
    ['a Unicode property', '\\p{L}'],
  ])('refuses %s by name rather than matching differently', (_name, pattern) => {
    expect(() => javaPatternToRegExpParts(pattern)).toThrow(UnsupportedJavaPatternError);
    expect(() => javaPatternToRegExpParts(pattern)).toThrow('is not supported by the local runtime');
  });
});
