import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EVENT, eventInput } from '../support/event-operations';
import type { GraphQLClient } from '../support/graphql-client';
import { startLocalApi, type LocalApi } from '../support/local-api';
import { CANCEL_REGISTRATION, EVENT_SEATS, LIST_REGISTRATIONS, REGISTER } from '../support/registration-operations';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api?.close());

async function publishedEvent(capacity: number, status = 'PUBLISHED'): Promise<string> {
  const { data, errors } = await api.request(CREATE_EVENT, { input: eventInput({ capacity, status }) });
  expect(errors).toBeUndefined();
  return data!.createEvent.eventId;
}

async function register(client: GraphQLClient, eventId: string, clientToken?: string) {
  return client.request(REGISTER, { eventId, clientToken });
}

describe('registerForEvent', () => {
  it('confirms while seats are left, then waitlists with positions', async () => {
    const eventId = await publishedEvent(2);
    const statuses = [];
    for (const user of ['u1', 'u2', 'u3', 'u4']) {
      const { data, errors } = await register(await api.asUser(user), eventId);
      expect(errors).toBeUndefined();
      statuses.push([data!.registerForEvent.status, data!.registerForEvent.position]);
    }
    expect(statuses).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);
    const { data } = await (await api.asUser('u4')).request(EVENT_SEATS, { eventId });
    expect(data!.getEvent).toMatchObject({ capacity: 2, confirmedCount: 2, waitlistCount: 2, remaining: 0 });
    expect(data!.getEvent.myRegistration).toMatchObject({ status: 'WAITLISTED', position: 2 });
  });

  it('promotes the first in line when a confirmed seat is cancelled', async () => {
    const eventId = await publishedEvent(1);
    for (const user of ['p1', 'p2', 'p3']) {
      await register(await api.asUser(user), eventId);
    }
    const { data, errors } = await (await api.asUser('p1')).request(CANCEL_REGISTRATION, { eventId });
    expect(errors).toBeUndefined();
    expect(data!.cancelRegistration).toMatchObject({ status: 'CANCELLED', position: null });
    const p2 = await (await api.asUser('p2')).request(EVENT_SEATS, { eventId });
    expect(p2.data!.getEvent).toMatchObject({ confirmedCount: 1, waitlistCount: 1, remaining: 0 });
    expect(p2.data!.getEvent.myRegistration).toMatchObject({ status: 'CONFIRMED', position: null });
    const p3 = await (await api.asUser('p3')).request(EVENT_SEATS, { eventId });
    expect(p3.data!.getEvent.myRegistration).toMatchObject({ status: 'WAITLISTED', position: 1 });
    const list = await api.request(LIST_REGISTRATIONS, { eventId, status: 'WAITLISTED' });
    expect(list.errors).toBeUndefined();
    expect(list.data!.listRegistrations.items).toHaveLength(1);
  });
});
