import { stringScalar, type StringFormat } from './scalar-behaviour.ts';

// AWSDate, AWSTime and AWSDateTime: extended ISO 8601 strings, checked as
// AppSync describes them ("Scalar types in AWS AppSync",
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html):
// - years have four digits and may be negative (`-2017-01-01`);
// - seconds are optional, and a fraction of 1 to 9 digits may follow them;
// - a time zone offset is `Z` or `±hh:mm`, optionally `±hh:mm:ss`;
// - the offset is optional for AWSDate and AWSTime, compulsory for AWSDateTime.
// The date must exist on the calendar: `2025-02-30` is not an AWSDate.

const DATE = '(-?\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?';
const OFFSET = '(Z|[+-](\\d{2}):(\\d{2})(?::(\\d{2}))?)';

const DATE_PATTERN = new RegExp(`^${DATE}${OFFSET}?$`);
const TIME_PATTERN = new RegExp(`^${TIME}${OFFSET}?$`);
const DATE_TIME_PATTERN = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isCalendarDate(year: string, month: string, day: string): boolean {
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1) {
    return false;
  }
  const daysInMonth = [31, isLeapYear(Math.abs(Number(year))) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return dayNumber <= daysInMonth[monthNumber - 1];
}

function isClockTime(hours: string, minutes: string, seconds: string | undefined): boolean {
  return Number(hours) <= 23 && Number(minutes) <= 59 && (seconds === undefined || Number(seconds) <= 59);
}

/** `Z`, or an offset of at most 18 hours, as java.time (which AppSync runs on) allows. */
function isOffset(hours: string | undefined, minutes: string | undefined, seconds: string | undefined): boolean {
  if (hours === undefined) {
    return true;
  }
  return Number(hours) <= 18 && Number(minutes) <= 59 && (seconds === undefined || Number(seconds) <= 59);
}

export function isAWSDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  return match !== null && isCalendarDate(match[1], match[2], match[3]) && isOffset(match[5], match[6], match[7]);
}

export function isAWSTime(value: string): boolean {
  const match = TIME_PATTERN.exec(value);
  return match !== null && isClockTime(match[1], match[2], match[3]) && isOffset(match[5], match[6], match[7]);
}

export function isAWSDateTime(value: string): boolean {
  const match = DATE_TIME_PATTERN.exec(value);
  return (
    match !== null &&
    isCalendarDate(match[1], match[2], match[3]) &&
    isClockTime(match[4], match[5], match[6]) &&
    isOffset(match[8], match[9], match[10])
  );
}

const formats: StringFormat[] = [
  { name: 'AWSDate', expectation: 'an ISO 8601 date such as 2025-06-01', isValid: isAWSDate },
  { name: 'AWSTime', expectation: 'an ISO 8601 time such as 18:30:00.000Z', isValid: isAWSTime },
  {
    name: 'AWSDateTime',
    expectation: 'an ISO 8601 date-time with a time zone, such as 2025-06-01T18:30:00.000Z',
    isValid: isAWSDateTime,
  },
];

export const dateTimeScalars = Object.fromEntries(formats.map((format) => [format.name, stringScalar(format)]));
