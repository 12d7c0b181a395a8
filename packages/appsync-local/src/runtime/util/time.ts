// `util.time`. Formats and time zones are java.time's (DateTimeFormatter
// patterns, ZoneId names); ISO 8601 output is always `2018-02-06T19:01:35.749Z`
// (UTC, milliseconds).
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html

import { formatEpochMs } from './time-format.ts';
import { parseToEpochMs } from './time-parse.ts';
import { parseOffset, resolveTimeZone, utcMs } from './time-zone.ts';

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?)?$/;

/** Whether the wall-clock fields name a real moment (no 30 February, no hour 24). */
function isRealDateTime(wallClockMs: number, fields: number[]): boolean {
  const date = new Date(wallClockMs);
  const actual = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  return actual.every((value, index) => value === fields[index]);
}

/** Milliseconds since the epoch, or null; a missing offset reads as UTC, a date alone as its midnight. */
function readISO8601(timestamp: string): number | null {
  const match = ISO_8601.exec(timestamp);
  const offsetSeconds = match ? (match[8] === undefined || match[8] === 'Z' ? 0 : parseOffset(match[8])) : null;
  if (!match || offsetSeconds === null) {
    return null;
  }
  const fields = match.slice(1, 7).map((digits) => Number(digits ?? 0));
  const milli = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const [year, month, day, hour, minute, second] = fields;
  const wallClock = utcMs(year, month, day, hour, minute, second, milli);
  return isRealDateTime(wallClock, fields) ? wallClock - offsetSeconds * 1000 : null;
}

function parseISO8601(timestamp: string): number {
  const epochMs = readISO8601(String(timestamp));
  if (epochMs === null) {
    throw new Error(`util.time.parseISO8601ToEpochMilliSeconds: "${timestamp}" is not an ISO 8601 timestamp`);
  }
  return epochMs;
}

function toEpochMs(milliseconds: unknown): number {
  const value = Number(milliseconds);
  if (!Number.isFinite(value)) {
    throw new Error(`util.time: ${String(milliseconds)} is not an epoch milliseconds value`);
  }
  return Math.floor(value);
}

export const timeUtil = Object.freeze({
  nowISO8601: (): string => new Date().toISOString(),
  nowEpochSeconds: (): number => Math.floor(Date.now() / 1000),
  nowEpochMilliSeconds: (): number => Date.now(),
  nowFormatted: (pattern: string, timezone?: string): string => formatEpochMs(Date.now(), pattern, resolveTimeZone(timezone)),
  parseFormattedToEpochMilliSeconds: (timestamp: string, pattern: string, timezone?: string): number =>
    parseToEpochMs(String(timestamp), pattern, resolveTimeZone(timezone)),
  parseISO8601ToEpochMilliSeconds: parseISO8601,
  epochMilliSecondsToSeconds: (milliseconds: number): number => Math.floor(toEpochMs(milliseconds) / 1000),
  epochMilliSecondsToISO8601: (milliseconds: number): string => new Date(toEpochMs(milliseconds)).toISOString(),
  epochMilliSecondsToFormatted: (milliseconds: number, pattern: string, timezone?: string): string =>
    formatEpochMs(toEpochMs(milliseconds), pattern, resolveTimeZone(timezone)),
});
