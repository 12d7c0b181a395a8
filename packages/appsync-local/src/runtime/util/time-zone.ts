// Time zones as java.time.ZoneId reads them, for `util.time`: fixed offsets
// ("+08:00", "-07:00:30", "UTC+8") and IANA regions ("Australia/Perth"), whose
// offsets come from the host's Intl data.

/** A zone, able to say how far ahead of UTC it is at any instant. */
export interface TimeZone {
  /** the normalised id, as `VV` prints it */
  readonly id: string;
  /** a fixed offset's seconds east of UTC; undefined for a region */
  readonly fixedOffsetSeconds?: number;
  offsetSecondsAt(epochMs: number): number;
}

const MAX_OFFSET_SECONDS = 18 * 3600;

function fixedOffsetZone(id: string, offsetSeconds: number): TimeZone {
  return { id, fixedOffsetSeconds: offsetSeconds, offsetSecondsAt: () => offsetSeconds };
}

export const UTC_ZONE: TimeZone = fixedOffsetZone('Z', 0);

/** Date.UTC without its mapping of years 0–99 to 1900–1999. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, milli = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, milli));
  date.setUTCFullYear(year);
  return date.getTime();
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** "+08:00" or "-07:00:30", as java.time.ZoneOffset names an offset. */
export function offsetId(offsetSeconds: number): string {
  if (offsetSeconds === 0) {
    return 'Z';
  }
  const magnitude = Math.abs(offsetSeconds);
  const seconds = magnitude % 60;
  const text = `${offsetSeconds < 0 ? '-' : '+'}${pad2(Math.floor(magnitude / 3600))}:${pad2(Math.floor(magnitude / 60) % 60)}`;
  return seconds === 0 ? text : `${text}:${pad2(seconds)}`;
}

/** Seconds east of UTC for `±H`, `±HH`, `±HH:MM`, `±HHMM`, `±HH:MM:SS` or `±HHMMSS`, else null. */
export function parseOffset(text: string): number | null {
  const match = /^([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(text);
  if (!match) {
    return null;
  }
  const [, sign, hours, minutes = '0', seconds = '0'] = match;
  if (Number(minutes) > 59 || Number(seconds) > 59) {
    return null;
  }
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return total > MAX_OFFSET_SECONDS ? null : sign === '-' ? -total : total;
}

const regionFormatters = new Map<string, Intl.DateTimeFormat>();

function regionFormatter(region: string): Intl.DateTimeFormat | null {
  let formatter = regionFormatters.get(region);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: region,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null;
    }
    regionFormatters.set(region, formatter);
  }
  return formatter;
}

function regionZone(region: string, formatter: Intl.DateTimeFormat): TimeZone {
  return {
    id: region,
    offsetSecondsAt(epochMs: number): number {
      const parts: Record<string, number> = {};
      for (const part of formatter.formatToParts(epochMs)) {
        parts[part.type] = Number(part.value);
      }
      const wallClock = utcMs(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
      const wholeSecond = Math.floor(epochMs / 1000) * 1000;
      return Math.round((wallClock - wholeSecond) / 1000);
    },
  };
}

/** The zone a `util.time` timezone argument names; UTC when none is given. */
export function resolveTimeZone(zoneId: unknown): TimeZone {
  if (zoneId === undefined || zoneId === null) {
    return UTC_ZONE;
  }
  const id = String(zoneId);
  if (id === 'Z') {
    return UTC_ZONE;
  }
  const offset = parseOffset(id);
  if (offset !== null) {
    return fixedOffsetZone(offsetId(offset), offset);
  }
  const prefixed = /^(UTC|GMT|UT)([+-].*)?$/.exec(id);
  if (prefixed) {
    const prefixedOffset = prefixed[2] === undefined ? 0 : parseOffset(prefixed[2]);
    if (prefixedOffset !== null) {
      return fixedOffsetZone(prefixedOffset === 0 ? prefixed[1] : `${prefixed[1]}${offsetId(prefixedOffset)}`, prefixedOffset);
    }
  }
  const formatter = id.includes('/') ? regionFormatter(id) : null;
  if (!formatter) {
    throw new Error(`util.time: unknown time zone "${id}"`);
  }
  return regionZone(id, formatter);
}

/** The instant a wall-clock time (as if it were UTC, in ms) names in `zone`. */
export function wallClockToEpochMs(wallClockMs: number, zone: TimeZone): number {
  const firstGuess = wallClockMs - zone.offsetSecondsAt(wallClockMs) * 1000;
  return wallClockMs - zone.offsetSecondsAt(firstGuess) * 1000;
}
