// java.time.format.DateTimeFormatter patterns, which `util.time` takes, read
// into their elements: runs of one pattern letter, quoted or plain literal
// text, and `[optional]` sections.
// https://docs.oracle.com/javase/8/docs/api/java/time/format/DateTimeFormatter.html

export type PatternElement =
  | { kind: 'field'; letter: string; count: number }
  | { kind: 'literal'; text: string }
  | { kind: 'optional'; elements: PatternElement[] };

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Monday first, as java.time.DayOfWeek numbers them (1 = Monday … 7 = Sunday). */
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Names in the form a letter count asks for: 1–3 short, 4 full, 5 narrow. */
export function textForm(name: string, count: number): string {
  return count === 4 ? name : count === 5 ? name.charAt(0) : name.slice(0, 3);
}

function isLetter(char: string): boolean {
  return (char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z');
}

/** Reads `'quoted text'` starting at the opening quote; `''` inside stands for one quote. */
function readQuoted(pattern: string, start: number): { text: string; end: number } {
  let text = '';
  let index = start + 1;
  while (index < pattern.length) {
    if (pattern[index] === "'") {
      if (pattern[index + 1] !== "'") {
        return { text, end: index + 1 };
      }
      index += 1;
    }
    text += pattern[index];
    index += 1;
  }
  throw new Error(`util.time: unterminated quote in pattern "${pattern}"`);
}

export function parsePattern(pattern: string): PatternElement[] {
  const stack: PatternElement[][] = [[]];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    const current = stack[stack.length - 1];
    if (isLetter(char)) {
      let end = index;
      while (pattern[end] === char) {
        end += 1;
      }
      current.push({ kind: 'field', letter: char, count: end - index });
      index = end;
    } else if (char === "'") {
      const isEscapedQuote = pattern[index + 1] === "'";
      const quoted = isEscapedQuote ? { text: "'", end: index + 2 } : readQuoted(pattern, index);
      current.push({ kind: 'literal', text: quoted.text });
      index = quoted.end;
    } else if (char === '[') {
      const section: PatternElement[] = [];
      current.push({ kind: 'optional', elements: section });
      stack.push(section);
      index += 1;
    } else if (char === ']') {
      if (stack.length === 1) {
        throw new Error(`util.time: "]" without "[" in pattern "${pattern}"`);
      }
      stack.pop();
      index += 1;
    } else if (char === '{' || char === '}' || char === '#') {
      throw new Error(`util.time: "${char}" is reserved in patterns ("${pattern}")`);
    } else {
      current.push({ kind: 'literal', text: char });
      index += 1;
    }
  }
  return stack[0];
}
