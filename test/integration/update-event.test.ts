import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EVENT, UPDATE_EVENT, eventInput } from '../support/event-operations';
import { startLocalApi, type LocalApi } from '../support/local-api';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api?.close());

async function createEvent(overrides: Record<string, unknown> = {}) {
  const { data } = await api.request(CREATE_EVENT, { input: eventInput(overrides) });
  return data!.createEvent;
}

async function update(eventId: string, input: Record<string, unknown>, expectedVersion?: number) {
  return api.request(UPDATE_EVENT, { eventId, input, expectedVersion });
}

describe('updateEvent', () => {
  it('changes only the given fields and adds 1 to the version', async () => {
    const event = await createEvent();
    const { data, errors } = await update(event.eventId, { capacity: 300, status: 'PUBLISHED' });
    expect(errors).toBeUndefined();
    expect(data!.updateEvent).toEqual({
      ...event,
      capacity: 300,
      status: 'PUBLISHED',
      version: 2,
      updatedAt: data!.updateEvent.updatedAt,
    });
    expect(data!.updateEvent.updatedAt >= event.updatedAt).toBe(true);
    expect(await api.storedEvent(event.eventId)).toMatchObject({ capacity: 300, status: 'PUBLISHED', version: 2 });
  });

  it('normalises a new date to UTC and trims new text', async () => {
    const event = await createEvent();
    const { data } = await update(event.eventId, { date: '2026-01-01T01:00:00+01:00', title: ' New ' });
    expect(data!.updateEvent).toMatchObject({ date: '2026-01-01T00:00:00.000Z', title: 'New' });
  });

  it('rejects an empty input, a null field and bad values, changing nothing', async () => {
    const event = await createEvent();
    for (const input of [{}, { title: null }, { capacity: 0, date: 'tomorrow' }]) {
      const { data, errors } = await update(event.eventId, input);
      expect(data).toEqual({ updateEvent: null });
      expect(errors![0].errorType).toBe('ValidationError');
    }
    expect(await api.storedEvent(event.eventId)).toMatchObject({ version: 1, capacity: event.capacity });
  });

  it('refuses text that is not well-formed Unicode or shows nothing, changing nothing', async () => {
    const event = await createEvent();
    for (const input of [{ title: 'Bad \uD800' }, { location: '\u200B\u200B' }, { description: '\u001B[31m' }]) {
      const { data, errors } = await update(event.eventId, input);
      expect(data).toEqual({ updateEvent: null });
      expect(errors![0].errorType).toBe('ValidationError');
    }
    expect(await api.storedEvent(event.eventId)).toMatchObject({ version: 1, title: event.title, location: event.location });
  });

  it('fails with NotFoundError for a missing event, creating nothing', async () => {
    const before = await api.storedEventCount();
    const { errors } = await update('missing-event', { title: 'Ghost' });
    expect(errors![0]).toMatchObject({ errorType: 'NotFoundError', path: ['updateEvent'] });
    expect(await api.storedEventCount()).toBe(before);
  });

  it('fails with ConflictError on a stale expectedVersion, changing nothing', async () => {
    const event = await createEvent();
    await update(event.eventId, { title: 'Second' }, 1);
    const { data, errors } = await update(event.eventId, { title: 'Stale write' }, 1);
    expect(data).toEqual({ updateEvent: null });
    expect(errors![0]).toMatchObject({
      errorType: 'ConflictError',
      errorInfo: { eventId: event.eventId, expectedVersion: 1, actualVersion: 2 },
    });
    expect(await api.storedEvent(event.eventId)).toMatchObject({ title: 'Second', version: 2 });
  });

  it('returns the updated event when a sibling update in the same request fails', async () => {
    const [first, second] = [await createEvent(), await createEvent()];
    const { data, errors } = await api.request(
      `mutation Both($first: ID!, $second: ID!) {
        changed: updateEvent(eventId: $first, input: { capacity: 42 }) { eventId capacity version }
        refused: updateEvent(eventId: $second, input: { capacity: 0 }) { eventId capacity version }
      }`,
      { first: first.eventId, second: second.eventId },
    );
    expect(data).toEqual({ changed: { eventId: first.eventId, capacity: 42, version: 2 }, refused: null });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ errorType: 'ValidationError', path: ['refused'] });
    expect(await api.storedEvent(second.eventId)).toMatchObject({ capacity: second.capacity, version: 1 });
  });

  it('lets exactly one of many concurrent updates at the same version win', async () => {
    const event = await createEvent();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, index) => update(event.eventId, { title: `Writer ${index}` }, 1)),
    );
    const winners = attempts.filter((attempt) => !attempt.errors);
    expect(winners).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.errors?.[0].errorType === 'ConflictError')).toHaveLength(7);
    expect(await api.storedEvent(event.eventId)).toMatchObject({
      title: winners[0].data!.updateEvent.title,
      version: 2,
    });
  });
});

describe('the status lifecycle', () => {
  it('walks DRAFT → PUBLISHED → ACTIVE → COMPLETED', async () => {
    const event = await createEvent();
    for (const [status, version] of [['PUBLISHED', 2], ['ACTIVE', 3], ['COMPLETED', 4]] as const) {
      const { data, errors } = await update(event.eventId, { status });
      expect(errors).toBeUndefined();
      expect(data!.updateEvent).toMatchObject({ status, version });
    }
  });

  it.each(['DRAFT', 'PUBLISHED', 'ACTIVE'])('cancels from %s', async (from) => {
    const path = ['PUBLISHED', 'ACTIVE'].slice(0, ['DRAFT', 'PUBLISHED', 'ACTIVE'].indexOf(from));
    const event = await createEvent();
    for (const status of path) {
      await update(event.eventId, { status });
    }
    const { data } = await update(event.eventId, { status: 'CANCELLED' });
    expect(data!.updateEvent.status).toBe('CANCELLED');
  });

  it.each([
    ['DRAFT', 'ACTIVE'],
    ['DRAFT', 'COMPLETED'],
    ['PUBLISHED', 'DRAFT'],
    ['PUBLISHED', 'COMPLETED'],
    ['CANCELLED', 'PUBLISHED'],
    ['CANCELLED', 'DRAFT'],
  ])('refuses %s → %s with InvalidTransitionError, changing nothing', async (from, to) => {
    const event = await createEvent({ status: from === 'DRAFT' ? 'DRAFT' : 'PUBLISHED' });
    if (from === 'CANCELLED') {
      await update(event.eventId, { status: 'CANCELLED' });
    }
    const stored = await api.storedEvent(event.eventId);
    const { data, errors } = await update(event.eventId, { status: to });
    expect(data).toEqual({ updateEvent: null });
    expect(errors![0]).toMatchObject({ errorType: 'InvalidTransitionError', errorInfo: { from, to } });
    expect(errors![0].message).toContain(`from ${from} to ${to}`);
    expect(await api.storedEvent(event.eventId)).toEqual(stored);
  });

  it('refuses any change of status once COMPLETED', async () => {
    const event = await createEvent({ status: 'PUBLISHED' });
    await update(event.eventId, { status: 'ACTIVE' });
    await update(event.eventId, { status: 'COMPLETED' });
    const { errors } = await update(event.eventId, { status: 'CANCELLED' });
    expect(errors![0]).toMatchObject({ errorType: 'InvalidTransitionError', errorInfo: { from: 'COMPLETED', to: 'CANCELLED' } });
  });
});
