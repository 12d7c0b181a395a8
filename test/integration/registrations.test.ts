import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EVENT, DELETE_EVENT, UPDATE_EVENT, eventInput } from '../support/event-operations';
import type { GraphQLClient } from '../support/graphql-client';
import { startLocalApi, type LocalApi } from '../support/local-api';
import { CANCEL_REGISTRATION, EVENT_SEATS, LIST_REGISTRATIONS, REGISTER } from '../support/registration-operations';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api?.close());

const CREATE_TOKENED = `
  mutation Create($input: CreateEventInput!, $clientToken: String) {
    createEvent(input: $input, clientToken: $clientToken) { eventId title version createdAt }
  }`;

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
      const { myRegistration, confirmedCount, waitlistCount } = data!.registerForEvent;
      statuses.push([myRegistration.status, myRegistration.position, confirmedCount, waitlistCount]);
    }
    // each result has the seats as that registration left them
    expect(statuses).toEqual([
      ['CONFIRMED', null, 1, 0],
      ['CONFIRMED', null, 2, 0],
      ['WAITLISTED', 1, 2, 1],
      ['WAITLISTED', 2, 2, 2],
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
    expect(data!.cancelRegistration).toMatchObject({ confirmedCount: 1, waitlistCount: 1, remaining: 0 });
    expect(data!.cancelRegistration.myRegistration).toMatchObject({ status: 'CANCELLED', position: null });
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

describe('registerForEvent rules', () => {
  it('returns the existing registration to a repeat, taking no second seat', async () => {
    const eventId = await publishedEvent(5);
    const bob = await api.asUser('repeat-bob');
    const first = await register(bob, eventId);
    const again = await register(bob, eventId);
    expect(again.errors).toBeUndefined();
    expect(again.data!.registerForEvent).toEqual(first.data!.registerForEvent);
    const { data } = await api.withApiKey.request(EVENT_SEATS, { eventId });
    expect(data!.getEvent).toMatchObject({ confirmedCount: 1, waitlistCount: 0, remaining: 4, myRegistration: null });
  });

  it.each([
    ['a DRAFT (its owner)', 'DRAFT', 'RegistrationClosedError'],
  ])('refuses %s with %s and writes nothing', async (_, status, errorType) => {
    const eventId = await publishedEvent(5, status);
    const { data, errors } = await register(api, eventId);
    expect(data).toEqual({ registerForEvent: null });
    expect(errors![0]).toMatchObject({ errorType, errorInfo: { eventId } });
    expect(await api.storedRegistrationItems(eventId)).toEqual([]);
  });

  it("answers NotFoundError for someone else's draft, as if it did not exist", async () => {
    const eventId = await publishedEvent(5, 'DRAFT');
    const { errors } = await register(await api.asUser('draft-peeker'), eventId);
    expect(errors![0]).toMatchObject({ errorType: 'NotFoundError', errorInfo: { eventId } });
    expect(await api.storedRegistrationItems(eventId)).toEqual([]);
  });

  it('stops registrations once the event is cancelled, and keeps the existing ones readable', async () => {
    const eventId = await publishedEvent(5);
    const carol = await api.asUser('cancelled-carol');
    await register(carol, eventId);
    await api.request(UPDATE_EVENT, { eventId, input: { status: 'CANCELLED' } });
    const late = await register(await api.asUser('late-dave'), eventId);
    expect(late.errors![0]).toMatchObject({ errorType: 'RegistrationClosedError' });
    const { data } = await carol.request(EVENT_SEATS, { eventId });
    expect(data!.getEvent).toMatchObject({ confirmedCount: 1, myRegistration: { status: 'CONFIRMED' } });
  });

  it('needs a token: the API key alone is Unauthorized', async () => {
    const eventId = await publishedEvent(5);
    const { errors } = await api.withApiKey.request(REGISTER, { eventId });
    expect(errors![0]).toMatchObject({ errorType: 'Unauthorized' });
    expect(await api.storedRegistrationItems(eventId)).toEqual([]);
  });

  it('refuses a clientToken longer than 64 characters as a ValidationError', async () => {
    const eventId = await publishedEvent(5);
    const { errors } = await register(api, eventId, 'x'.repeat(65));
    expect(errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { failures: [{ field: 'clientToken', rule: 'LENGTH' }] } });
    expect(await api.storedRegistrationItems(eventId)).toEqual([]);
  });

  it('fails with IdempotencyConflictError when a clientToken comes back with another event', async () => {
    const first = await publishedEvent(5);
    const second = await publishedEvent(5);
    const erin = await api.asUser('token-erin');
    expect((await register(erin, first, 'erin-1')).errors).toBeUndefined();
    const { errors } = await register(erin, second, 'erin-1');
    expect(errors![0]).toMatchObject({ errorType: 'IdempotencyConflictError', errorInfo: { clientToken: 'erin-1' } });
    expect(await api.storedRegistrationItems(second)).toEqual([]);
  });
});

describe('cancelRegistration', () => {
  it('moves everyone behind a cancelled waitlist place up by one', async () => {
    const eventId = await publishedEvent(1);
    const clients = [];
    for (const user of ['w0', 'w1', 'w2', 'w3']) {
      const client = await api.asUser(user);
      await register(client, eventId);
      clients.push(client);
    }
    const { data } = await clients[1].request(CANCEL_REGISTRATION, { eventId });
    expect(data!.cancelRegistration.myRegistration).toMatchObject({ status: 'CANCELLED', position: null });
    const positions = [];
    for (const client of clients.slice(2)) {
      positions.push((await client.request(EVENT_SEATS, { eventId })).data!.getEvent.myRegistration.position);
    }
    expect(positions).toEqual([1, 2]);
    const list = await api.request(LIST_REGISTRATIONS, { eventId, status: 'WAITLISTED' });
    expect(list.data!.listRegistrations.items.map((r: { position: number }) => r.position)).toEqual([1, 2]);
    const seats = await api.withApiKey.request(EVENT_SEATS, { eventId });
    expect(seats.data!.getEvent).toMatchObject({ confirmedCount: 1, waitlistCount: 2 });
  });

  it('answers NotFoundError when the caller has no registration, and changes nothing', async () => {
    const eventId = await publishedEvent(1);
    await register(await api.asUser('holder'), eventId);
    const before = await api.storedRegistrationItems(eventId);
    const { errors } = await (await api.asUser('stranger')).request(CANCEL_REGISTRATION, { eventId });
    expect(errors![0]).toMatchObject({ errorType: 'NotFoundError', errorInfo: { eventId } });
    expect(await api.storedRegistrationItems(eventId)).toEqual(before);
  });

  it('frees the seat for a new registration when nobody waits', async () => {
    const eventId = await publishedEvent(1);
    const fay = await api.asUser('fay');
    await register(fay, eventId);
    await fay.request(CANCEL_REGISTRATION, { eventId });
    const { data } = await register(await api.asUser('gus'), eventId);
    expect(data!.registerForEvent.myRegistration.status).toBe('CONFIRMED');
  });
});

describe('listRegistrations', () => {
  it('lists for the owner and admins, with statuses, and pages', async () => {
    const eventId = await publishedEvent(1);
    for (const user of ['l1', 'l2', 'l3']) {
      await register(await api.asUser(user), eventId);
    }
    const all = await api.request(LIST_REGISTRATIONS, { eventId });
    expect(all.errors).toBeUndefined();
    expect(all.data!.listRegistrations.items.map((r: { status: string }) => r.status).sort()).toEqual([
      'CONFIRMED',
      'WAITLISTED',
      'WAITLISTED',
    ]);
    const admin = await api.asUser('root', { groups: ['admins'] });
    const confirmed = await admin.request(LIST_REGISTRATIONS, { eventId, status: 'CONFIRMED' });
    expect(confirmed.data!.listRegistrations.items).toHaveLength(1);
    const page = await api.request(LIST_REGISTRATIONS, { eventId, status: 'WAITLISTED', limit: 1 });
    expect(page.data!.listRegistrations.items).toHaveLength(1);
    const rest = await api.request(LIST_REGISTRATIONS, {
      eventId,
      status: 'WAITLISTED',
      limit: 1,
      nextToken: page.data!.listRegistrations.nextToken,
    });
    expect(rest.data!.listRegistrations.items[0].position).toBe(2);
  });

  it('refuses a limit above 50 as a ValidationError', async () => {
    const eventId = await publishedEvent(1);
    const { errors } = await api.request(LIST_REGISTRATIONS, { eventId, limit: 51 });
    expect(errors![0]).toMatchObject({ errorType: 'ValidationError' });
  });
});

describe('createEvent with a clientToken', () => {
  it('returns the first result to a retry and creates one event', async () => {
    const input = eventInput({ title: 'Retried' });
    const first = await api.request(CREATE_TOKENED, { input, clientToken: 'create-1' });
    const again = await api.request(CREATE_TOKENED, { input, clientToken: 'create-1' });
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await api.storedEvent(first.data!.createEvent.eventId)).toMatchObject({ title: 'Retried' });
  });

  it('fails with IdempotencyConflictError for the same token with other input, creating nothing', async () => {
    const before = await api.storedEventCount();
    await api.request(CREATE_TOKENED, { input: eventInput({ title: 'One' }), clientToken: 'create-2' });
    const { data, errors } = await api.request(CREATE_TOKENED, { input: eventInput({ title: 'Two' }), clientToken: 'create-2' });
    expect(data).toEqual({ createEvent: null });
    expect(errors![0]).toMatchObject({ errorType: 'IdempotencyConflictError' });
    expect(await api.storedEventCount()).toBe(before + 1);
  });

  it('keeps tokens per user: the same token from two users creates two events', async () => {
    const input = eventInput({ title: 'Shared token' });
    const mine = await api.request(CREATE_TOKENED, { input, clientToken: 'shared' });
    const theirs = await (await api.asUser('token-other')).request(CREATE_TOKENED, { input, clientToken: 'shared' });
    expect(theirs.data!.createEvent.eventId).not.toBe(mine.data!.createEvent.eventId);
  });

  it('writes once when the same clientToken is sent 20 times at once', async () => {
    const before = await api.storedEventCount();
    const input = eventInput({ title: 'Twenty at once' });
    const send = async () => {
      for (;;) {
        const response = await api.request(CREATE_TOKENED, { input, clientToken: 'twenty' });
        if (!response.errors?.some((error) => error.errorInfo?.retryable === true)) return response;
      }
    };
    const responses = await Promise.all(Array.from({ length: 20 }, send));
    expect(responses.flatMap((response) => response.errors ?? [])).toEqual([]);
    expect(new Set(responses.map((response) => response.data!.createEvent.eventId)).size).toBe(1);
    expect(await api.storedEventCount()).toBe(before + 1);
  });
});

describe('registerForEvent with a clientToken sent 20 times at once', () => {
  it('takes one seat', async () => {
    const eventId = await publishedEvent(5);
    const hal = await api.asUser('hal');
    const responses = await Promise.all(Array.from({ length: 20 }, () => register(hal, eventId, 'hal-1')));
    const ok = responses.filter((response) => !response.errors);
    expect(responses.flatMap((response) => response.errors ?? []).every((error) => error.errorInfo?.retryable)).toBe(true);
    expect(new Set(ok.map((response) => response.data!.registerForEvent.myRegistration.createdAt)).size).toBe(1);
    const items = await api.storedRegistrationItems(eventId);
    expect(items.filter((item) => item.sk.startsWith('USER#'))).toHaveLength(1);
    expect(items.find((item) => item.sk === 'SEATS')).toMatchObject({ confirmedCount: 1 });
  });
});

describe('changing capacity', () => {
  it('confirms the first in line when capacity is raised, in order', async () => {
    const eventId = await publishedEvent(1);
    for (const user of ['c0', 'c1', 'c2', 'c3']) {
      await register(await api.asUser(user), eventId);
    }
    const { data, errors } = await api.request(UPDATE_EVENT, { eventId, input: { capacity: 3 } });
    expect(errors).toBeUndefined();
    expect(data!.updateEvent).toMatchObject({ capacity: 3, version: 2 });
    const seats = await api.withApiKey.request(EVENT_SEATS, { eventId });
    expect(seats.data!.getEvent).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1, remaining: 0 });
    const c3 = await (await api.asUser('c3')).request(EVENT_SEATS, { eventId });
    expect(c3.data!.getEvent.myRegistration).toMatchObject({ status: 'WAITLISTED', position: 1 });
    const c1 = await (await api.asUser('c1')).request(EVENT_SEATS, { eventId });
    expect(c1.data!.getEvent.myRegistration).toMatchObject({ status: 'CONFIRMED' });
  });

  it('refuses to lower capacity below the confirmed seats with a ValidationError naming the count, changing nothing', async () => {
    const eventId = await publishedEvent(3);
    for (const user of ['k0', 'k1', 'k2']) {
      await register(await api.asUser(user), eventId);
    }
    const before = await api.storedRegistrationItems(eventId);
    const { errors } = await api.request(UPDATE_EVENT, { eventId, input: { capacity: 2 } });
    expect(errors![0]).toMatchObject({
      errorType: 'ValidationError',
      errorInfo: { confirmedCount: 3, failures: [{ field: 'input.capacity', rule: 'BELOW_CONFIRMED' }] },
    });
    expect(await api.storedEvent(eventId)).toMatchObject({ capacity: 3, version: 1 });
    expect(await api.storedRegistrationItems(eventId)).toEqual(before);
  });

  it('takes a lower capacity that still fits the confirmed seats, for the counters too', async () => {
    const eventId = await publishedEvent(5);
    await register(await api.asUser('m0'), eventId);
    const { errors } = await api.request(UPDATE_EVENT, { eventId, input: { capacity: 1 } });
    expect(errors).toBeUndefined();
    const { data } = await register(await api.asUser('m1'), eventId);
    expect(data!.registerForEvent.myRegistration).toMatchObject({ status: 'WAITLISTED', position: 1 });
  });
});

describe('deleting an event', () => {
  it('is refused with EventHasRegistrationsError while anyone holds a seat, keeping everything', async () => {
    const eventId = await publishedEvent(2);
    await register(await api.asUser('d0'), eventId);
    const before = await api.storedRegistrationItems(eventId);
    const { errors } = await api.request(DELETE_EVENT, { eventId });
    expect(errors![0]).toMatchObject({ errorType: 'EventHasRegistrationsError', errorInfo: { eventId } });
    expect(await api.storedEvent(eventId)).not.toBeNull();
    expect(await api.storedRegistrationItems(eventId)).toEqual(before);
  });

  it('deletes the event and its seat counters once every registration is cancelled', async () => {
    const eventId = await publishedEvent(2);
    const d1 = await api.asUser('d1');
    await register(d1, eventId);
    await d1.request(CANCEL_REGISTRATION, { eventId });
    const { errors } = await api.request(DELETE_EVENT, { eventId });
    expect(errors).toBeUndefined();
    expect(await api.storedEvent(eventId)).toBeNull();
    expect(await api.storedRegistrationItems(eventId)).toEqual([]);
  });
});
