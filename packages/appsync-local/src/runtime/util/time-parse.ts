// Reads a timestamp with a DateTimeFormatter pattern, for
// util.time.parseFormattedToEpochMilliSeconds. An offset or zone in the text
// wins over the zone argument, which wins over UTC. Fields the pattern lacks
// default to the start of their period (month 1, day 1, 00:00:00), where Java
// would refuse to build an instant.
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html

import { DAY_NAMES, MONTH_NAMES, parsePattern, textForm, type PatternElement } from './time-pattern.ts';
import { parseOffset, resolveTimeZone, utcMs, wallClockToEpochMs, type TimeZone } from './time-zone.ts';

interface ParsedFields {
  year?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hour?: number;
  /** h or K: an hour within the half day, resolved with `pm` */
  hourOfHalfDay?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  milli?: number;
  offsetSeconds?: number;
  zone?: TimeZone;
}

class ParseMismatch extends Error {}

const NUMERIC_LETTERS = new Set(['y', 'u', 'M', 'L', 'd', 'D', 'H', 'k', 'K', 'h', 'm', 's', 'S', 'n', 'A']);
const MAX_DIGITS: Record<string, number> = { y: 10, u: 10, D: 3, n: 9, A: 8 };

function isNumericField(element: PatternElement | undefined): boolean {
  return element?.kind === 'field' && NUMERIC_LETTERS.has(element.letter) && !(element.letter === 'M' && element.count >= 3);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

class TimestampReader {
  private position = 0;
  fields: ParsedFields = {};

  constructor(private readonly text: string) {}

  get atEnd(): boolean {
    return this.position === this.text.length;
  }

  readElements(elements: PatternElement[]): void {
    elements.forEach((element, index) => {
      if (element.kind === 'literal') {
        this.expect(element.text);
      } else if (element.kind === 'optional') {
        this.readOptional(element.elements);
      } else {
        this.readField(element.letter, element.count, isNumericField(elements[index + 1]));
      }
    });
  }

  private readOptional(elements: PatternElement[]): void {
    const saved = { position: this.position, fields: { ...this.fields } };
    try {
      this.readElements(elements);
    } catch (error) {
      if (!(error instanceof ParseMismatch)) {
        throw error;
      }
      this.position = saved.position;
      this.fields = saved.fields;
    }
  }

  private expect(literal: string): void {
    if (!this.text.startsWith(literal, this.position)) {
      throw new ParseMismatch();
    }
    this.position += literal.length;
  }

  private digits(min: number, max: number): number {
    let end = this.position;
    while (end < this.text.length && end - this.position < max && this.text[end] >= '0' && this.text[end] <= '9') {
      end += 1;
    }
    if (end - this.position < min) {
      throw new ParseMismatch();
    }
    const value = Number(this.text.slice(this.position, end));
    this.position = end;
    return value;
  }

  private number(letter: string, count: number, nextIsNumeric: boolean): number {
    if (count >= 2 && letter !== 'y' && letter !== 'u') {
      return this.digits(count, count);
    }
    // a field followed by another number takes only its own width, so "yyyyMMdd" splits
    return this.digits(count, nextIsNumeric ? count : (MAX_DIGITS[letter] ?? 2));
  }

  /** The index in `names` of the longest name (in the form `count` asks for) at the cursor. */
  private choice(names: string[], count: number): number {
    const candidates = names
      .map((name, index) => ({ text: textForm(name, count), index }))
      .sort((left, right) => right.text.length - left.text.length);
    const found = candidates.find((candidate) => this.text.startsWith(candidate.text, this.position));
    if (!found) {
      throw new ParseMismatch();
    }
    this.position += found.text.length;
    return found.index;
  }

  private offset(): number {
    if (this.text.startsWith('Z', this.position)) {
      this.position += 1;
      return 0;
    }
    for (const prefix of ['GMT', 'UTC']) {
      if (this.text.startsWith(prefix, this.position)) {
        this.position += prefix.length;
        if (this.text[this.position] !== '+' && this.text[this.position] !== '-') {
          return 0;
        }
      }
    }
    const match = /^[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?/.exec(this.text.slice(this.position));
    const seconds = match ? parseOffset(match[0]) : null;
    if (!match || seconds === null) {
      throw new ParseMismatch();
    }
    this.position += match[0].length;
    return seconds;
  }

  private readField(letter: string, count: number, nextIsNumeric: boolean): void {
    const fields = this.fields;
    switch (letter) {
      case 'y':
      case 'u':
        fields.year = count === 2 ? 2000 + this.digits(2, 2) : this.number(letter, count, nextIsNumeric);
        return;
      case 'M':
      case 'L':
        fields.month = count >= 3 ? this.choice(MONTH_NAMES, count) + 1 : this.number(letter, count, nextIsNumeric);
        return;
      case 'd':
        fields.day = this.number(letter, count, nextIsNumeric);
        return;
      case 'D':
        fields.dayOfYear = this.number(letter, count, nextIsNumeric);
        return;
      case 'E':
        this.choice(DAY_NAMES, count);
        return;
      case 'G':
        this.expect('AD');
        return;
      case 'a':
        fields.pm = this.choice(['AM', 'PM'], 4) === 1;
        return;
      case 'H':
        fields.hour = this.number(letter, count, nextIsNumeric);
        return;
      case 'k':
        fields.hour = this.number(letter, count, nextIsNumeric) % 24;
        return;
      case 'h':
      case 'K':
        fields.hourOfHalfDay = this.number(letter, count, nextIsNumeric) % 12;
        return;
      case 'm':
        fields.minute = this.number(letter, count, nextIsNumeric);
        return;
      case 's':
        fields.second = this.number(letter, count, nextIsNumeric);
        return;
      case 'S':
        fields.milli = Math.floor(this.digits(count, count) * 10 ** (3 - count));
        return;
      case 'n':
        fields.milli = Math.floor(this.number(letter, count, nextIsNumeric) / 1_000_000);
        return;
      case 'X':
      case 'x':
      case 'Z':
      case 'O':
        fields.offsetSeconds = this.offset();
        return;
      case 'V': {
        const match = /^[A-Za-z0-9_/+\-:]+/.exec(this.text.slice(this.position));
        if (!match) {
          throw new ParseMismatch();
        }
        this.position += match[0].length;
        fields.zone = resolveTimeZone(match[0]);
        return;
      }
      default:
        throw new Error(`util.time: pattern letter "${letter}" is not supported for parsing by the local runtime`);
    }
  }
}

function hourOf(fields: ParsedFields): number {
  if (fields.hourOfHalfDay !== undefined) {
    return fields.hourOfHalfDay + (fields.pm ? 12 : 0);
  }
  return fields.hour ?? 0;
}

function wallClockMs(fields: ParsedFields): number | null {
  const year = fields.year ?? 1970;
  const hour = hourOf(fields);
  const [minute, second, milli] = [fields.minute ?? 0, fields.second ?? 0, fields.milli ?? 0];
  if (hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  if (fields.dayOfYear !== undefined && fields.month === undefined) {
    const daysInYear = utcMs(year + 1, 1, 1) - utcMs(year, 1, 1);
    const dayMs = (fields.dayOfYear - 1) * 86_400_000;
    return fields.dayOfYear < 1 || dayMs >= daysInYear ? null : utcMs(year, 1, 1, hour, minute, second, milli) + dayMs;
  }
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return utcMs(year, month, day, hour, minute, second, milli);
}

export function parseToEpochMs(text: string, pattern: string, zone: TimeZone): number {
  const reader = new TimestampReader(text);
  let wallClock: number | null = null;
  try {
    reader.readElements(parsePattern(pattern));
    wallClock = reader.atEnd ? wallClockMs(reader.fields) : null;
  } catch (error) {
    if (!(error instanceof ParseMismatch)) {
      throw error;
    }
  }
  if (wallClock === null) {
    throw new Error(`util.time: "${text}" does not match the pattern "${pattern}"`);
  }
  const { offsetSeconds, zone: parsedZone } = reader.fields;
  if (offsetSeconds !== undefined) {
    return wallClock - offsetSeconds * 1000;
  }
  return wallClockToEpochMs(wallClock, parsedZone ?? zone);
}
