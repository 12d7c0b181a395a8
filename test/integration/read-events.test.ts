import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EVENT, GET_EVENT, LIST_EVENTS, UPDATE_EVENT, eventInput } from '../support/event-operations';
import { startLocalApi, type LocalApi } from '../support/local-api';

let api: LocalApi;

async function createEvent(overrides: Record<string, unknown>) {
  const { data, errors } = await api.request(CREATE_EVENT, { input: eventInput(overrides) });
  expect(errors).toBeUndefined();
  return data!.createEvent;
}

async function listAll(variables: Record<string, unknown>) {
  const pages: any[][] = [];
  let nextToken: string | null = null;
  do {
    const { data, errors }: { data: any; errors?: unknown[] } = await api.request(LIST_EVENTS, { ...variables, nextToken });
    expect(errors).toBeUndefined();
    pages.push(data!.listEvents.items);
    nextToken = data!.listEvents.nextToken;
  } while (nextToken);
  return pages;
}

// Dates out of order on purpose, so sorting by date is visible.
const DATES = ['2025-09-01', '2025-03-01', '2025-12-24', '2025-06-15', '2025-01-10', '2025-07-07', '2025-11-11'];

beforeAll(async () => {
  api = await startLocalApi();
  for (const [index, date] of DATES.entries()) {
    await createEvent({ title: `Published ${index}`, date, status: 'PUBLISHED', organizer: index % 2 ? 'Ada' : 'Grace' });
  }
  await createEvent({ title: 'Draft', date: '2025-05-05', organizer: 'Ada' });
});
afterAll(() => api?.close());

describe('getEvent', () => {
  it('returns the stored event', async () => {
    const created = await createEvent({ title: 'Readable' });
    const { data, errors } = await api.request(GET_EVENT, { eventId: created.eventId });
    expect(errors).toBeUndefined();
    expect(data!.getEvent).toEqual(created);
  });

  it('returns null for an id no event has', async () => {
    const { data, errors } = await api.request(GET_EVENT, { eventId: 'no-such-event' });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ getEvent: null });
  });

  it('rejects a blank id as a ValidationError', async () => {
    const { errors } = await api.request(GET_EVENT, { eventId: '' });
    expect(errors![0]).toMatchObject({ errorType: 'ValidationError' });
  });
});

describe('listEvents', () => {
  it('lists every event by date with the default page size', async () => {
    const { data } = await api.request(LIST_EVENTS, {});
    const items = data!.listEvents.items;
    expect(items.length).toBeGreaterThanOrEqual(DATES.length + 1);
    const dates = items.map((event: { date: string }) => event.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('filters by status, sorted by date', async () => {
    const { data } = await api.request(LIST_EVENTS, { filter: { status: 'PUBLISHED' } });
    const items = data!.listEvents.items;
    expect(items).toHaveLength(DATES.length);
    expect(items.every((event: { status: string }) => event.status === 'PUBLISHED')).toBe(true);
    expect(items.map((event: { date: string }) => event.date.slice(0, 10))).toEqual([...DATES].sort());
  });

  it('pages through a filtered list without gaps or repeats', async () => {
    const pages = await listAll({ filter: { status: 'PUBLISHED' }, limit: 3 });
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    const dates = pages.flat().map((event) => event.date.slice(0, 10));
    expect(dates).toEqual([...DATES].sort());
  });

  it('filters by organizer, and by organizer and status together', async () => {
    const byAda = await api.request(LIST_EVENTS, { filter: { organizer: 'Ada' } });
    expect(byAda.data!.listEvents.items.map((event: { title: string }) => event.title)).toEqual(
      expect.arrayContaining(['Draft', 'Published 1', 'Published 3', 'Published 5']),
    );
    expect(byAda.data!.listEvents.items).toHaveLength(4);
    const adaPublished = await api.request(LIST_EVENTS, { filter: { organizer: 'Ada', status: 'PUBLISHED' } });
    expect(adaPublished.data!.listEvents.items).toHaveLength(3);
  });

  it('filters by a date range, inclusive at both ends', async () => {
    const { data } = await api.request(LIST_EVENTS, {
      filter: { status: 'PUBLISHED', from: '2025-03-01', to: '2025-09-01T00:00:00Z' },
    });
    expect(data!.listEvents.items.map((event: { date: string }) => event.date.slice(0, 10))).toEqual([
      '2025-03-01',
      '2025-06-15',
      '2025-07-07',
      '2025-09-01',
    ]);
  });

  it('sees a status change at once', async () => {
    const event = await createEvent({ title: 'Soon cancelled', date: '2030-01-01' });
    await api.request(UPDATE_EVENT, { eventId: event.eventId, input: { status: 'CANCELLED' } });
    const { data } = await api.request(LIST_EVENTS, { filter: { status: 'CANCELLED' } });
    expect(data!.listEvents.items.map((item: { eventId: string }) => item.eventId)).toEqual([event.eventId]);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ filter: { from: '2025-02-30' } }, 'filter.from'],
    [{ filter: { from: '2025-06-01', to: '2025-01-01' } }, 'filter.to'],
    [{ filter: { organizer: '  ' } }, 'filter.organizer'],
  ])('rejects %j as a ValidationError naming %s', async (variables, field) => {
    const { data, errors } = await api.request(LIST_EVENTS, variables);
    expect(data).toBeNull();
    expect(errors![0].errorType).toBe('ValidationError');
    expect((errors![0].errorInfo as { failures: { field: string }[] }).failures.map((f) => f.field)).toContain(field);
  });

  it('rejects a nextToken it did not issue, without leaking internals', async () => {
    const { errors, raw } = await api.request(LIST_EVENTS, { nextToken: 'forged-token' });
    expect(errors![0].errorType).toBe('ValidationError');
    expect(raw).not.toContain(api.tableName);
  });

  it.each([
    ['another status', { status: 'PUBLISHED' }, { status: 'CANCELLED' }],
    ['another organizer', { organizer: 'Ada' }, { organizer: 'Grace' }],
    ['another index', { status: 'PUBLISHED' }, {}],
    ['another date range', { status: 'PUBLISHED', from: '2025-01-01' }, { status: 'PUBLISHED', from: '2025-08-01' }],
  ])('answers a nextToken reused with %s as a ValidationError, as for a forged one', async (_, filter, otherFilter) => {
    const first = await api.request(LIST_EVENTS, { filter, limit: 2 });
    const nextToken = first.data!.listEvents.nextToken;
    expect(nextToken).toEqual(expect.any(String));
    const { data, errors, raw } = await api.request(LIST_EVENTS, { filter: otherFilter, limit: 2, nextToken });
    expect(data).toBeNull();
    expect(errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { failures: [{ field: 'nextToken' }] } });
    expect(raw).not.toContain(api.tableName);
  });

  it('accepts a nextToken with the same filter and another limit', async () => {
    const first = await api.request(LIST_EVENTS, { filter: { status: 'PUBLISHED' }, limit: 2 });
    const { errors, data } = await api.request(LIST_EVENTS, {
      filter: { status: 'PUBLISHED' },
      limit: 3,
      nextToken: first.data!.listEvents.nextToken,
    });
    expect(errors).toBeUndefined();
    expect(data!.listEvents.items).toHaveLength(3);
  });
});
