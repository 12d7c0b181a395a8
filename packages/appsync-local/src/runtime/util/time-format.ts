// Prints an instant with a DateTimeFormatter pattern in a zone, for
// util.time.nowFormatted and epochMilliSecondsToFormatted. Week-based fields
// (Y, w, W, e, c, F) are refused rather than guessed. Zone names (`z`) come
// from the host's Intl data and may differ from Java's for some regions.
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html

import { DAY_NAMES, MONTH_NAMES, parsePattern, textForm, type PatternElement } from './time-pattern.ts';
import { utcMs, type TimeZone } from './time-zone.ts';

interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  dayOfYear: number;
  /** 1 = Monday … 7 = Sunday */
  dayOfWeek: number;
  hour: number;
  minute: number;
  second: number;
  milli: number;
  offsetSeconds: number;
  zone: TimeZone;
  epochMs: number;
}

function fieldsAt(epochMs: number, zone: TimeZone): DateTimeFields {
  const offsetSeconds = zone.offsetSecondsAt(epochMs);
  const local = new Date(epochMs + offsetSeconds * 1000);
  if (Number.isNaN(local.getTime())) {
    throw new Error(`util.time: ${epochMs} is not a representable epoch milliseconds value`);
  }
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    dayOfYear: Math.floor((local.getTime() - utcMs(local.getUTCFullYear(), 1, 1)) / 86_400_000) + 1,
    dayOfWeek: ((local.getUTCDay() + 6) % 7) + 1,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    milli: local.getUTCMilliseconds(),
    offsetSeconds,
    zone,
    epochMs,
  };
}

function padded(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${digits}` : digits;
}

export interface OffsetStyle {
  /** print minutes even when they are zero */
  minutes: 'always' | 'whenNonZero';
  /** print seconds when they are not zero (they never print when zero) */
  seconds: boolean;
  colons: boolean;
  /** what a zero offset prints as, e.g. "Z"; null prints it as digits */
  zero: string | null;
}

/** X, x and Z styles by letter count (DateTimeFormatter's "Offset X and x" / "Offset Z"). */
export function offsetStyle(letter: 'X' | 'x' | 'Z', count: number): OffsetStyle {
  const zero = letter === 'X' || (letter === 'Z' && count === 5) ? 'Z' : null;
  if (letter === 'Z') {
    return count === 5
      ? { minutes: 'always', seconds: true, colons: true, zero }
      : { minutes: 'always', seconds: false, colons: false, zero };
  }
  const styles: Record<number, OffsetStyle> = {
    1: { minutes: 'whenNonZero', seconds: false, colons: false, zero },
    2: { minutes: 'always', seconds: false, colons: false, zero },
    3: { minutes: 'always', seconds: false, colons: true, zero },
    4: { minutes: 'always', seconds: true, colons: false, zero },
    5: { minutes: 'always', seconds: true, colons: true, zero },
  };
  return styles[count] ?? styles[5];
}

export function formatOffset(offsetSeconds: number, style: OffsetStyle): string {
  if (offsetSeconds === 0 && style.zero !== null) {
    return style.zero;
  }
  const magnitude = Math.abs(offsetSeconds);
  const hours = Math.floor(magnitude / 3600);
  const minutes = Math.floor(magnitude / 60) % 60;
  const seconds = magnitude % 60;
  const separator = style.colons ? ':' : '';
  let text = `${offsetSeconds < 0 ? '-' : '+'}${padded(hours, 2)}`;
  if (style.minutes === 'always' || minutes !== 0) {
    text += `${separator}${padded(minutes, 2)}`;
  }
  if (style.seconds && seconds !== 0) {
    text += `${separator}${padded(seconds, 2)}`;
  }
  return text;
}

/** "GMT+8", "GMT+08:00" or "GMT" (localized offsets O and ZZZZ). */
function localizedOffset(offsetSeconds: number, full: boolean): string {
  if (offsetSeconds === 0) {
    return 'GMT';
  }
  const magnitude = Math.abs(offsetSeconds);
  const hours = Math.floor(magnitude / 3600);
  const minutes = Math.floor(magnitude / 60) % 60;
  const sign = offsetSeconds < 0 ? '-' : '+';
  if (full) {
    return `GMT${sign}${padded(hours, 2)}:${padded(minutes, 2)}`;
  }
  return minutes === 0 ? `GMT${sign}${hours}` : `GMT${sign}${hours}:${padded(minutes, 2)}`;
}

function zoneName(fields: DateTimeFields, count: number): string {
  if (fields.zone.fixedOffsetSeconds !== undefined) {
    return fields.zone.id;
  }
  const names = new Intl.DateTimeFormat('en-US', {
    timeZone: fields.zone.id,
    timeZoneName: count === 4 ? 'long' : 'short',
  }).formatToParts(fields.epochMs);
  return names.find((part) => part.type === 'timeZoneName')?.value ?? fields.zone.id;
}

function formatYear(year: number, count: number): string {
  return count === 2 ? padded(((year % 100) + 100) % 100, 2) : padded(year, count);
}

function formatField(fields: DateTimeFields, letter: string, count: number): string {
  const numeric = (value: number) => padded(value, count);
  switch (letter) {
    case 'G':
      return count === 4 ? 'Anno Domini' : count === 5 ? 'A' : 'AD';
    case 'u':
    case 'y':
      return formatYear(fields.year, count);
    case 'M':
    case 'L':
      return count >= 3 ? textForm(MONTH_NAMES[fields.month - 1], count) : numeric(fields.month);
    case 'Q':
    case 'q':
      return count === 3 ? `Q${Math.ceil(fields.month / 3)}` : numeric(Math.ceil(fields.month / 3));
    case 'd':
      return numeric(fields.day);
    case 'D':
      return numeric(fields.dayOfYear);
    case 'E':
      return textForm(DAY_NAMES[fields.dayOfWeek - 1], count);
    case 'a':
      return fields.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return numeric(fields.hour);
    case 'k':
      return numeric(fields.hour === 0 ? 24 : fields.hour);
    case 'K':
      return numeric(fields.hour % 12);
    case 'h':
      return numeric(fields.hour % 12 === 0 ? 12 : fields.hour % 12);
    case 'm':
      return numeric(fields.minute);
    case 's':
      return numeric(fields.second);
    case 'S':
      return padded(fields.milli, 3).padEnd(count, '0').slice(0, count);
    case 'n':
      return numeric(fields.milli * 1_000_000);
    case 'A':
      return numeric(((fields.hour * 60 + fields.minute) * 60 + fields.second) * 1000 + fields.milli);
    case 'V':
      return fields.zone.id;
    case 'z':
      return zoneName(fields, count);
    case 'O':
      return localizedOffset(fields.offsetSeconds, count === 4);
    case 'X':
    case 'x':
      return formatOffset(fields.offsetSeconds, offsetStyle(letter, count));
    case 'Z':
      return count === 4 ? localizedOffset(fields.offsetSeconds, true) : formatOffset(fields.offsetSeconds, offsetStyle('Z', count));
    default:
      throw new Error(`util.time: pattern letter "${letter}" is not supported by the local runtime`);
  }
}

function formatElements(elements: PatternElement[], fields: DateTimeFields): string {
  return elements
    .map((element) => {
      if (element.kind === 'literal') {
        return element.text;
      }
      // every field of an instant in a zone is known, so optional sections always print
      return element.kind === 'optional' ? formatElements(element.elements, fields) : formatField(fields, element.letter, element.count);
    })
    .join('');
}

export function formatEpochMs(epochMs: number, pattern: string, zone: TimeZone): string {
  return formatElements(parsePattern(pattern), fieldsAt(Math.floor(epochMs), zone));
}
