import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EVENT, eventInput } from '../support/event-operations';
import type { GraphQLClient, GraphQLResponse } from '../support/graphql-client';
import { startLocalApi, type LocalApi } from '../support/local-api';
import { CANCEL_REGISTRATION, LIST_REGISTRATIONS, REGISTER } from '../support/registration-operations';

/** Only the status: each waitlisted position is checked once, from the owner's list. */
const REGISTER_STATUS = `
  mutation Register($eventId: ID!, $clientToken: String) {
    registerForEvent(eventId: $eventId, clientToken: $clientToken) { myRegistration { status } }
  }`;

// Seats under load, through the local server and DynamoDB Local's
// transactions: the counts always equal the items, never exceed capacity, and
// the waitlist has no gap and no duplicate.

// The invariant shows as soon as more users than seats register with every
// request in flight at once (up to 200, the client's pool below): npm test
// runs 60 users on 3 seats, a waitlist of two pages, and a storm of 45 on 10
// seats (measured: 100 users and a storm of 90 cost a run of this file 3 s more
// CPU, 13 s instead of 10 s with vitest and the shared DynamoDB Local, and
// showed nothing more: 0 retries either way).
// `npm run chaos` runs this file at full scale, 2,000 users on 100 seats
// (REGISTRATION_LOAD_USERS=2000).
const LOAD_USERS = Number(process.env.REGISTRATION_LOAD_USERS ?? 60);
const LOAD_SEATS = LOAD_USERS / 20;
const LOAD_WAITLISTED = LOAD_USERS - LOAD_SEATS;
const count = (n: number) => n.toLocaleString('en');

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api?.close());

async function publishedEvent(capacity: number): Promise<string> {
  const { data } = await api.request(CREATE_EVENT, { input: eventInput({ capacity, status: 'PUBLISHED' }) });
  return data!.createEvent.eventId;
}

/**
 * A client retries what the API says is retryable. With a clientToken it may
 * also resend after a broken connection or an InternalError (under this
 * machine's load a keep-alive socket is now and then reset, and DynamoDB
 * Local now and then answers InternalServerError): the token makes that safe.
 */
async function withRetries(
  send: () => Promise<GraphQLResponse>,
  { withClientToken = false } = {},
): Promise<{ response: GraphQLResponse; retries: number }> {
  for (let retries = 0; ; retries += 1) {
    let response: GraphQLResponse;
    try {
      response = await send();
    } catch (error) {
      if (!withClientToken || retries >= 50) throw error;
      continue;
    }
    const retryable = response.errors?.some(
      (error) => error.errorInfo?.retryable === true || (withClientToken && error.errorType === 'InternalError'),
    );
    if (!retryable || retries >= 50) {
      return { response, retries };
    }
  }
}

/**
 * Runs every task at once as far as the client goes, with at most `inFlight`
 * requests open: like a browser's or SDK's connection pool, and within the
 * local server's listen backlog (more simultaneous connects are reset by the
 * kernel, not refused by the API).
 */
async function concurrently<T>(tasks: (() => Promise<T>)[], inFlight = 200): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, tasks.length) }, worker));
  return results;
}

/** The owner's view of the waitlist, page by page, in line order. */
async function wholeWaitlist(eventId: string): Promise<{ userId: string; position: number }[]> {
  const entries = [];
  let nextToken: string | null = null;
  do {
    const page: GraphQLResponse = await api.request(LIST_REGISTRATIONS, { eventId, status: 'WAITLISTED', limit: 50, nextToken });
    expect(page.errors).toBeUndefined();
    entries.push(...page.data!.listRegistrations.items);
    nextToken = page.data!.listRegistrations.nextToken;
  } while (nextToken);
  return entries;
}

async function users(prefix: string, count: number): Promise<GraphQLClient[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => api.asUser(`${prefix}-${index}`)));
}

/** The stored items of an event, by kind, and whether the seat counters match them. */
async function ledger(eventId: string) {
  const items = await api.storedRegistrationItems(eventId);
  const seats = items.find((item) => item.sk === 'SEATS');
  const registrations = items.filter((item) => item.sk.startsWith('USER#'));
  const entries = items.filter((item) => item.sk.startsWith('SEATS#WAIT#'));
  const confirmed = registrations.filter((item) => item.status === 'CONFIRMED');
  const waitlisted = registrations.filter((item) => item.status === 'WAITLISTED');
  return { seats, confirmed, waitlisted, entries };
}

describe('registerForEvent under load', () => {
  it(`${count(LOAD_USERS)} concurrent users on ${LOAD_SEATS} seats: exactly ${LOAD_SEATS} confirmed, ${count(LOAD_WAITLISTED)} waitlisted at positions 1..${count(LOAD_WAITLISTED)}`, { timeout: 600_000 }, async () => {
    const eventId = await publishedEvent(LOAD_SEATS);
    const clients = await users('load', LOAD_USERS);
    const outcomes = await concurrently(
      clients.map((client, index) => () =>
        withRetries(() => client.request(REGISTER_STATUS, { eventId, clientToken: `load-${index}` }), { withClientToken: true }),
      ),
    );
    const failures = outcomes.filter(({ response }) => response.errors);
    expect(failures.map(({ response }) => response.errors)).toEqual([]);
    const registrations = outcomes.map(({ response }) => response.data!.registerForEvent.myRegistration);
    expect(registrations.filter((r) => r.status === 'CONFIRMED')).toHaveLength(LOAD_SEATS);
    expect(registrations.filter((r) => r.status === 'WAITLISTED')).toHaveLength(LOAD_WAITLISTED);

    const waitlist = await wholeWaitlist(eventId);
    expect(waitlist.map((r) => r.position)).toEqual(Array.from({ length: LOAD_WAITLISTED }, (_, index) => index + 1));
    expect(new Set(waitlist.map((r) => r.userId)).size).toBe(LOAD_WAITLISTED);

    const stored = await ledger(eventId);
    expect(stored.seats).toMatchObject({ capacity: LOAD_SEATS, confirmedCount: LOAD_SEATS, waitlistCount: LOAD_WAITLISTED });
    expect(stored.confirmed).toHaveLength(LOAD_SEATS);
    expect(stored.waitlisted).toHaveLength(LOAD_WAITLISTED);
    expect(stored.entries).toHaveLength(LOAD_WAITLISTED);
    console.log(`${count(LOAD_USERS)} users: ${outcomes.reduce((sum, { retries }) => sum + retries, 0)} retries in all`);
  });

  it('a storm of cancels and registrations keeps confirmedCount ≤ capacity and the counters equal to the items', { timeout: 300_000 }, async () => {
    const eventId = await publishedEvent(10);
    const first = await users('storm-a', 30);
    const registered = await concurrently(first.map((client) => () => withRetries(() => client.request(REGISTER, { eventId }))));
    expect(registered.flatMap(({ response }) => response.errors ?? [])).toEqual([]);
    const later = await users('storm-b', 30);
    const storm = [
      ...first.filter((_, index) => index % 2 === 0).map((client) => () => client.request(CANCEL_REGISTRATION, { eventId })),
      ...later.map((client) => () => client.request(REGISTER, { eventId })),
    ];
    const outcomes = await concurrently(storm.map((send) => () => withRetries(send)));
    expect(outcomes.flatMap(({ response }) => response.errors ?? [])).toEqual([]);

    const stored = await ledger(eventId);
    expect(stored.seats!.confirmedCount).toBeLessThanOrEqual(10);
    expect(stored.seats!.confirmedCount).toBe(stored.confirmed.length);
    expect(stored.seats!.waitlistCount).toBe(stored.waitlisted.length);
    expect(stored.entries).toHaveLength(stored.waitlisted.length);
    // 15 of the first 30 and all 30 later ones hold a place: the seats are full, the rest wait
    expect(stored.confirmed).toHaveLength(10);
    expect(stored.waitlisted).toHaveLength(35);
  });
});
