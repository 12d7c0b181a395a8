import { describe, expect, it } from 'vitest';
import { timeUtil } from './time.ts';

// The worked examples of AWS's time helper page (the VTL page lists them; the
// APPSYNC_JS helpers are the same functions):
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time.html
const DOC_EPOCH_MS = 1517943695758;

describe('util.time, AWS documented examples', () => {
  it('conversions of 1517943695758', () => {
    expect(timeUtil.epochMilliSecondsToSeconds(DOC_EPOCH_MS)).toBe(1517943695);
    expect(timeUtil.epochMilliSecondsToISO8601(DOC_EPOCH_MS)).toBe('2018-02-06T19:01:35.758Z');
    expect(timeUtil.epochMilliSecondsToFormatted(DOC_EPOCH_MS, 'yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(timeUtil.epochMilliSecondsToFormatted(DOC_EPOCH_MS, 'yyyy-MM-dd HH:mm:ssZ', '+08:00')).toBe('2018-02-07 03:01:35+0800');
    expect(timeUtil.epochMilliSecondsToFormatted(DOC_EPOCH_MS, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')).toBe('2018-02-07 03:01:35+0800');
  });

  it('parsing', () => {
    expect(timeUtil.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00')).toBe(1517476865180);
    expect(timeUtil.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ')).toBe(1517505562000);
    expect(timeUtil.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00')).toBe(1517505562000);
  });

  it('optional offsets for the AppSync scalars, in a zone with seconds', () => {
    const instant = Date.UTC(2018, 6, 11, 22, 14, 45);
    expect(timeUtil.epochMilliSecondsToFormatted(instant, 'yyyy-MM-dd[XXX]', '-07:00:30')).toBe('2018-07-11-07:00');
    expect(timeUtil.epochMilliSecondsToFormatted(instant, "yyyy-MM-dd'T'HH:mm:ss[XXXXX]", '-07:00:30')).toBe('2018-07-11T15:14:15-07:00:30');
  });
});

describe('util.time now*', () => {
  it('reads the clock', () => {
    const before = Date.now();
    const iso = timeUtil.nowISO8601();
    const ms = timeUtil.nowEpochMilliSeconds();
    const seconds = timeUtil.nowEpochSeconds();
    const after = Date.now();
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(iso)).toBeGreaterThanOrEqual(before);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
    expect(seconds).toBe(Math.floor(seconds));
    expect(seconds * 1000).toBeLessThanOrEqual(after);
    expect(timeUtil.nowFormatted('yyyy')).toBe(String(new Date(after).getUTCFullYear()));
  });
});

describe('DateTimeFormatter pattern letters', () => {
  it.each([
    ['EEEE, MMMM d, yyyy h:mm a', 'Tuesday, February 6, 2018 7:01 PM'],
    ['EEE MMM dd yy', 'Tue Feb 06 18'],
    ['E MMMMM', 'Tue F'],
    ['D', '37'],
    ['uuuu-MM-dd HH:mm:ss.SSS', '2018-02-06 19:01:35.758'],
    ['ss.SS|ss.SSSSSS', '35.75|35.758000'],
    ['K k h H', '7 19 7 19'],
    ["'at' HH 'o''clock' ''", "at 19 o'clock '"],
    ['G QQQ', 'AD Q1'],
    ['VV X x Z', 'Z Z +00 +0000'],
  ])('%s', (pattern, expected) => {
    expect(timeUtil.epochMilliSecondsToFormatted(DOC_EPOCH_MS, pattern)).toBe(expected);
  });

  it.each([
    ['+08:00', 'O|OOOO|X|XX|XXX|ZZZZ|ZZZZZ|VV', 'GMT+8|GMT+08:00|+08|+0800|+08:00|GMT+08:00|+08:00|+08:00'],
    ['+05:30', 'O|X|x', 'GMT+5:30|+0530|+0530'],
    ['-07:00:30', 'XXXX|xxxxx', '-070030|-07:00:30'],
    ['UTC', 'VV|O|ZZZZ|ZZZZZ', 'UTC|GMT|GMT|Z'],
  ])('offsets in %s', (zone, pattern, expected) => {
    expect(timeUtil.epochMilliSecondsToFormatted(DOC_EPOCH_MS, pattern, zone)).toBe(expected);
  });

  it('follows daylight saving time in a region', () => {
    expect(timeUtil.epochMilliSecondsToFormatted(Date.UTC(2018, 0, 15, 12), 'HH:mm xxx VV', 'America/New_York')).toBe('07:00 -05:00 America/New_York');
    expect(timeUtil.epochMilliSecondsToFormatted(Date.UTC(2018, 6, 15, 12), 'HH:mm xxx', 'America/New_York')).toBe('08:00 -04:00');
  });

  it('refuses what it cannot do rather than guessing', () => {
    expect(() => timeUtil.epochMilliSecondsToFormatted(DOC_EPOCH_MS, 'ww')).toThrow('not supported by the local runtime');
    expect(() => timeUtil.epochMilliSecondsToFormatted(DOC_EPOCH_MS, 'yyyy', 'Not/AZone')).toThrow('unknown time zone');
    expect(() => timeUtil.epochMilliSecondsToFormatted(DOC_EPOCH_MS, "'open")).toThrow('unterminated quote');
    expect(() => timeUtil.epochMilliSecondsToFormatted(Number.NaN, 'yyyy')).toThrow('not an epoch milliseconds value');
  });
});

describe('parsing with a pattern', () => {
  it.each([
    ['Feb 6, 2018 7:01 PM', 'MMM d, yyyy h:mm a', undefined, Date.UTC(2018, 1, 6, 19, 1)],
    ['Tuesday 06 February 2018 12:00 AM', 'EEEE dd MMMM yyyy hh:mm a', undefined, Date.UTC(2018, 1, 6, 0, 0)],
    ['20180206', 'yyyyMMdd', undefined, Date.UTC(2018, 1, 6)],
    ['18-02-06', 'yy-MM-dd', undefined, Date.UTC(2018, 1, 6)],
    ['2018-02-06T19:01:35.758Z', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", undefined, DOC_EPOCH_MS],
    ['2018-02-06 19:01:35 GMT+08:00', 'yyyy-MM-dd HH:mm:ss OOOO', undefined, Date.UTC(2018, 1, 6, 11, 1, 35)],
    ['2018-07-01 12:00', 'yyyy-MM-dd HH:mm', 'America/New_York', Date.UTC(2018, 6, 1, 16)],
    ['2018-07-01 12:00 Europe/Paris', 'yyyy-MM-dd HH:mm VV', 'America/New_York', Date.UTC(2018, 6, 1, 10)],
    ['2018-07-01', 'yyyy-MM-dd[ HH:mm]', undefined, Date.UTC(2018, 6, 1)],
    ['2018-07-01 05:06', 'yyyy-MM-dd[ HH:mm]', undefined, Date.UTC(2018, 6, 1, 5, 6)],
  ])('%s with %s in %s', (text, pattern, zone, expected) => {
    expect(timeUtil.parseFormattedToEpochMilliSeconds(text, pattern, zone)).toBe(expected);
  });

  it.each([
    ['2018-02-30', 'yyyy-MM-dd'],
    ['2018-13-01', 'yyyy-MM-dd'],
    ['2018-02-06 25:00', 'yyyy-MM-dd HH:mm'],
    ['2018-02-06 extra', 'yyyy-MM-dd'],
    ['18-2-6', 'yyyy-MM-dd'],
  ])('refuses %s for %s', (text, pattern) => {
    expect(() => timeUtil.parseFormattedToEpochMilliSeconds(text, pattern)).toThrow('does not match');
  });
});

describe('parseISO8601ToEpochMilliSeconds', () => {
  it.each([
    ['2018-02-06T19:01:35.758Z', DOC_EPOCH_MS],
    ['2018-02-06T19:01:35Z', DOC_EPOCH_MS - 758],
    ['2018-02-06T19:01Z', Date.UTC(2018, 1, 6, 19, 1)],
    ['2018-02-07T03:01:35.758+0800', DOC_EPOCH_MS],
    ['2018-02-06T19:01:35.758123456Z', DOC_EPOCH_MS],
    ['2018-02-06', Date.UTC(2018, 1, 6)],
  ])('%s', (text, expected) => {
    expect(timeUtil.parseISO8601ToEpochMilliSeconds(text)).toBe(expected);
  });

  it.each(['not-a-date', '2018-02-30T00:00:00Z', '2018-02-06T24:00:00Z', '2018-02-06 19:01:35Z', '2018-02-06T19:01:35+25:00'])(
    'refuses %s',
    (text) => {
      expect(() => timeUtil.parseISO8601ToEpochMilliSeconds(text)).toThrow('not an ISO 8601 timestamp');
    },
  );
});
