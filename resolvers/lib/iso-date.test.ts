import { describe, expect, it } from 'vitest';
import { formatUtcIso, parseIsoDate } from './iso-date';

describe('parseIsoDate', () => {
  it.each([
    ['2025-06-01', '2025-06-01T00:00:00.000Z'],
    ['2025-06-01T18:30:00Z', '2025-06-01T18:30:00.000Z'],
    ['2025-06-01T18:30Z', '2025-06-01T18:30:00.000Z'],
    ['2025-06-01T18:30:05.123Z', '2025-06-01T18:30:05.123Z'],
    ['2025-06-01T18:30:05.1Z', '2025-06-01T18:30:05.100Z'],
    ['2025-06-01T18:30:05.123456789Z', '2025-06-01T18:30:05.123Z'],
    ['2025-06-01T20:30:00+02:00', '2025-06-01T18:30:00.000Z'],
    ['2025-06-01T01:00:00+02:00', '2025-05-31T23:00:00.000Z'],
    ['2025-12-31T23:00:00-01:30', '2026-01-01T00:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['1969-07-20T20:17:40Z', '1969-07-20T20:17:40.000Z'],
  ])('reads %s as %s', (input, expected) => {
    const epochMs = parseIsoDate(input);
    expect(epochMs).toBe(Date.parse(expected));
    expect(formatUtcIso(epochMs as number)).toBe(expected);
  });

  it.each([
    'not-a-date',
    '',
    '2025-02-30',
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-06-01T24:00:00Z',
    '2025-06-01T18:60:00Z',
    '2025-06-01T18:30:61Z',
    '2025-06-01T18:30:00',
    '2025-06-01T18:30:00.Z',
    '2025-06-01T18:30:00+2:00',
    '2025-06-01T18:30:00+02:60',
    '2025-06-01 18:30:00Z',
    '2025/06/01',
    '25-06-01',
    '2025-6-1',
    '0000-01-01',
  ])('rejects %j', (input) => {
    expect(parseIsoDate(input)).toBeNull();
  });
});

describe('formatUtcIso', () => {
  it('pads every part to a fixed width, so string order is time order', () => {
    const early = formatUtcIso(Date.parse('0999-01-02T03:04:05.006Z'));
    expect(early).toBe('0999-01-02T03:04:05.006Z');
    const dates = ['2025-06-01T09:00:00Z', '2025-06-01T10:00:00Z', '2025-11-01T00:00:00Z', '2026-01-01T00:00:00Z'];
    const stored = dates.map((date) => formatUtcIso(parseIsoDate(date) as number));
    expect([...stored].sort()).toEqual(stored);
  });
});
