// ISO 8601 dates without regular expressions, which APPSYNC_JS rejects
// (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html).
// Dates are stored as fixed-width UTC strings so that DynamoDB's string sort
// keys order them chronologically.

const DIGITS = '0123456789';
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The number made by `count` digits at `start`, or -1 when any is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  if (text.length < start + count) {
    return -1;
  }
  let value = 0;
  for (const char of text.slice(start, start + count).split('')) {
    const digit = DIGITS.indexOf(char);
    if (digit < 0) {
      return -1;
    }
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of daysFromCivil. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Milliseconds from the fraction digits after a decimal point, and how many digits there were. */
function fractionAt(text: string, start: number): { milliseconds: number; length: number } {
  let length = 0;
  for (const char of text.slice(start).split('')) {
    if (DIGITS.indexOf(char) < 0) {
      break;
    }
    length = length + 1;
  }
  const firstThree = (text.slice(start, start + Math.min(length, 3)) + '000').slice(0, 3);
  return { milliseconds: digitsAt(firstThree, 0, 3), length };
}

/** Offset east of UTC in minutes for `Z` or `±hh:mm`, or null when the zone is malformed. */
function zoneOffsetMinutes(zone: string): number | null {
  if (zone === 'Z') {
    return 0;
  }
  const sign = zone.charAt(0) === '+' ? 1 : zone.charAt(0) === '-' ? -1 : 0;
  if (sign === 0 || zone.length !== 6 || zone.charAt(3) !== ':') {
    return null;
  }
  const hours = digitsAt(zone, 1, 2);
  const minutes = digitsAt(zone, 4, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
    return null;
  }
  return sign * (hours * 60 + minutes);
}

/** Milliseconds since the epoch of the time part `Thh:mm[:ss[.fff]]<zone>`, relative to its day. */
function timeOfDayMs(text: string): number | null {
  if (text.charAt(0) !== 'T' || text.charAt(3) !== ':') {
    return null;
  }
  const hour = digitsAt(text, 1, 2);
  const minute = digitsAt(text, 4, 2);
  let second = 0;
  let milliseconds = 0;
  let zoneStart = 6;
  if (text.charAt(6) === ':') {
    second = digitsAt(text, 7, 2);
    zoneStart = 9;
    if (text.charAt(9) === '.') {
      const fraction = fractionAt(text, 10);
      if (fraction.length === 0) {
        return null;
      }
      milliseconds = fraction.milliseconds;
      zoneStart = 10 + fraction.length;
    }
  }
  const offset = zoneOffsetMinutes(text.slice(zoneStart));
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || offset === null) {
    return null;
  }
  return ((hour * 60 + minute - offset) * 60 + second) * 1000 + milliseconds;
}

/**
 * The moments formatUtcIso can write with a four-digit year (0001 to 9999):
 * an offset can carry a date written in range out of it, e.g.
 * `9999-12-31T23:00:00-02:00` is in the year 10000 in UTC.
 */
const FIRST_STORABLE_MS = -62_135_596_800_000; // 0001-01-01T00:00:00.000Z
const END_OF_STORABLE_MS = 253_402_300_800_000; // 10000-01-01T00:00:00.000Z

/**
 * Milliseconds since the epoch for an ISO 8601 calendar date (`2025-06-01`,
 * read as midnight UTC) or date-time with a zone (`2025-06-01T18:30:00Z`,
 * `2025-06-01T20:30+02:00`), or null when the text is not one, names a day
 * that does not exist (2025-02-30), or is outside the years 0001 to 9999 in UTC.
 */
export function parseIsoDate(text: string): number | null {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (text.charAt(4) !== '-' || text.charAt(7) !== '-' || year < 1 || month < 1 || month > 12) {
    return null;
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  const midnight = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (text.length === 10) {
    return midnight;
  }
  const time = timeOfDayMs(text.slice(10));
  if (time === null) {
    return null;
  }
  const epochMs = midnight + time;
  return epochMs >= FIRST_STORABLE_MS && epochMs < END_OF_STORABLE_MS ? epochMs : null;
}

function pad(value: number, width: number): string {
  return ('000' + value).slice(-width);
}

/** `2025-06-01T18:30:00.000Z`: fixed width, so string order is time order. */
export function formatUtcIso(epochMs: number): string {
  const days = Math.floor(epochMs / MS_PER_DAY);
  const msOfDay = epochMs - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(msOfDay / (60 * MS_PER_MINUTE));
  const minute = Math.floor(msOfDay / MS_PER_MINUTE) % 60;
  const second = Math.floor(msOfDay / 1000) % 60;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(msOfDay % 1000, 3)}Z`;
}
