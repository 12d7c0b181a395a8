import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EVENT, DELETE_EVENT, GET_EVENT, UPDATE_EVENT, eventInput } from '../support/event-operations';
import { startLocalApi, type LocalApi } from '../support/local-api';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api?.close());

async function createEvent() {
  const { data } = await api.request(CREATE_EVENT, { input: eventInput() });
  return data!.createEvent;
}

describe('deleteEvent', () => {
  it('deletes the event and returns it as it was', async () => {
    const event = await createEvent();
    const { data, errors } = await api.request(DELETE_EVENT, { eventId: event.eventId });
    expect(errors).toBeUndefined();
    expect(data!.deleteEvent).toEqual(event);
    expect((await api.request(GET_EVENT, { eventId: event.eventId })).data).toEqual({ getEvent: null });
    expect(await api.storedEvent(event.eventId)).toBeNull();
  });

  it('fails with NotFoundError the second time', async () => {
    const event = await createEvent();
    await api.request(DELETE_EVENT, { eventId: event.eventId });
    const { data, errors } = await api.request(DELETE_EVENT, { eventId: event.eventId });
    expect(data).toEqual({ deleteEvent: null });
    expect(errors![0]).toMatchObject({ errorType: 'NotFoundError', path: ['deleteEvent'] });
  });

  it('fails with ConflictError on a stale expectedVersion and keeps the event', async () => {
    const event = await createEvent();
    await api.request(UPDATE_EVENT, { eventId: event.eventId, input: { capacity: 5 } });
    const { errors } = await api.request(DELETE_EVENT, { eventId: event.eventId, expectedVersion: 1 });
    expect(errors![0]).toMatchObject({ errorType: 'ConflictError' });
    expect(await api.storedEvent(event.eventId)).toMatchObject({ capacity: 5, version: 2 });
  });

  it('deletes with the current expectedVersion', async () => {
    const event = await createEvent();
    const { errors } = await api.request(DELETE_EVENT, { eventId: event.eventId, expectedVersion: 1 });
    expect(errors).toBeUndefined();
    expect(await api.storedEvent(event.eventId)).toBeNull();
  });

  it('answers NotFoundError to every loser of concurrent deletes, never a null without an error', async () => {
    const contenders = 12;
    for (let round = 0; round < 3; round += 1) {
      const event = await createEvent();
      const attempts = await Promise.all(
        Array.from({ length: contenders }, () => api.request(DELETE_EVENT, { eventId: event.eventId })),
      );
      const winners = attempts.filter((attempt) => !attempt.errors);
      expect(winners).toHaveLength(1);
      expect(winners[0].data!.deleteEvent).toEqual(event);
      const losers = attempts.filter((attempt) => attempt.errors);
      expect(losers.map((attempt) => attempt.errors![0].errorType)).toEqual(Array(contenders - 1).fill('NotFoundError'));
      expect(losers.every((attempt) => attempt.data!.deleteEvent === null)).toBe(true);
      expect(await api.storedEvent(event.eventId)).toBeNull();
    }
  });

  it('answers a delete racing updates with ConflictError carrying the version read and the version stored', async () => {
    const event = await createEvent();
    const [deletion, ...updates] = await Promise.all([
      api.request(DELETE_EVENT, { eventId: event.eventId }),
      ...Array.from({ length: 6 }, (_, index) => api.request(UPDATE_EVENT, { eventId: event.eventId, input: { capacity: 10 + index } })),
    ]);
    for (const attempt of [deletion, ...updates].filter((attempt) => attempt.errors)) {
      const error = attempt.errors![0];
      expect(['ConflictError', 'NotFoundError']).toContain(error.errorType);
      if (error.errorType === 'ConflictError') {
        expect(error.errorInfo).toEqual({
          eventId: event.eventId,
          expectedVersion: expect.any(Number),
          actualVersion: expect.any(Number),
        });
        expect(error.errorInfo!.actualVersion).toBeGreaterThan(error.errorInfo!.expectedVersion as number);
      }
    }
  });

  it('rejects expectedVersion 0 as a ValidationError and keeps the event', async () => {
    const event = await createEvent();
    const { errors } = await api.request(DELETE_EVENT, { eventId: event.eventId, expectedVersion: 0 });
    expect(errors![0]).toMatchObject({ errorType: 'ValidationError' });
    expect(await api.storedEvent(event.eventId)).not.toBeNull();
  });
});
