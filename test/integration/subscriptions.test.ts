import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventInput } from '../support/event-operations';
import { startLocalApi, TEST_API_KEY, type LocalApi } from '../support/local-api';
import { newLocalCertificate, type LocalCertificate } from '../../dev/local-certificate';
import {
  amplifySubscribe,
  apolloSubscribe,
  provideGlobalWebSocketTrusting,
  rawRealtimeConnection,
  until,
  type Recording,
  type SubscriberAuth,
} from '../support/subscription-clients';
import {
  CANCEL_FOR_SUBSCRIBERS,
  CREATE_FOR_SUBSCRIBERS,
  DELETE_FOR_SUBSCRIBERS,
  ON_EVENT_CHANGED,
  ON_EVENT_PUBLISHED,
  REGISTER_FOR_SUBSCRIBERS,
  UPDATE_FOR_SUBSCRIBERS,
} from '../support/subscription-operations';

// The Events subscriptions end to end: Apollo Client with
// aws-appsync-subscription-link and Amplify JS v6 on the local server's
// real-time endpoint, served over https:// and wss:// with the local
// certificate (Amplify opens wss:// only), mutations over HTTPS from other
// clients, DynamoDB Local behind.
// Messages reach each subscriber in order, so "a draft's change never
// arrived" is shown by the next message being the later, public change.

let api: LocalApi;
let certificate: LocalCertificate;
const open: Recording<unknown>[] = [];
beforeAll(async () => {
  certificate = await newLocalCertificate();
  provideGlobalWebSocketTrusting(certificate.cert);
  api = await startLocalApi({ tls: certificate });
});
afterEach(async () => {
  for (const recording of open.splice(0)) {
    recording.unsubscribe();
  }
  await until(() => api.realtimeStats().subscriptions === 0, () => 'subscriptions still open', 5000);
});
afterAll(() => api?.close());

type Client = 'apollo' | 'amplify';

async function subscribe(auth: SubscriberAuth, query: string, variables: Record<string, unknown>, client: Client = 'apollo') {
  const recording =
    client === 'apollo'
      ? apolloSubscribe<Record<string, any>>(api.url, auth, query, variables)
      : amplifySubscribe<Record<string, any>>(api.url, auth, query, variables);
  open.push(recording);
  return recording;
}

/** Subscribes, and waits until the server has started the subscription (start_ack), so that what follows reaches it. */
async function started(auth: SubscriberAuth, query: string, variables: Record<string, unknown>, client: Client = 'apollo') {
  const recording = await subscribe(auth, query, variables, client);
  const expected = open.length;
  await until(() => api.realtimeStats().subscriptions >= expected, () => `${api.realtimeStats().subscriptions} of ${expected} started`, 5000);
  return recording;
}

async function mutate(user: string, query: string, variables: Record<string, unknown>) {
  const { data, errors } = await (await api.asUser(user)).request(query, variables);
  expect(errors).toBeUndefined();
  return Object.values(data!)[0] as Record<string, any>;
}

async function createEvent(owner: string, input: Record<string, unknown>) {
  return mutate(owner, CREATE_FOR_SUBSCRIBERS, { input: eventInput(input) });
}

describe('onEventChanged through Apollo and aws-appsync-subscription-link', () => {
  it('delivers every change of the event: updates, registrations and cancellations with their seats', async () => {
    const event = await createEvent('alice', { capacity: 1, status: 'PUBLISHED' });
    const watcher = await started({ apiKey: TEST_API_KEY }, ON_EVENT_CHANGED, { eventId: event.eventId });

    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: event.eventId, input: { title: 'Renamed' } });
    await mutate('bob', REGISTER_FOR_SUBSCRIBERS, { eventId: event.eventId });
    await mutate('carol', REGISTER_FOR_SUBSCRIBERS, { eventId: event.eventId });
    await mutate('bob', CANCEL_FOR_SUBSCRIBERS, { eventId: event.eventId });

    const messages = (await watcher.received(4)).map((message) => message.onEventChanged);
    expect(messages.map(({ title, confirmedCount, waitlistCount, remaining }) => [title, confirmedCount, waitlistCount, remaining])).toEqual([
      ['Renamed', 0, 0, 1],
      ['Renamed', 1, 0, 0],
      ['Renamed', 1, 1, 0],
      // bob's seat went to carol in the same transaction
      ['Renamed', 1, 0, 0],
    ]);
    expect(messages.every((message) => message.eventId === event.eventId)).toBe(true);
  });

  it("never delivers another event's changes", async () => {
    const [watched, other] = [
      await createEvent('alice', { status: 'PUBLISHED' }),
      await createEvent('alice', { status: 'PUBLISHED' }),
    ];
    const watcher = await started({ apiKey: TEST_API_KEY }, ON_EVENT_CHANGED, { eventId: watched.eventId });
    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: other.eventId, input: { title: 'Other' } });
    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: watched.eventId, input: { title: 'Watched' } });
    const [first] = await watcher.received(1);
    expect(first.onEventChanged).toMatchObject({ eventId: watched.eventId, title: 'Watched' });
  });

  it('keeps a draft from API-key subscribers and other users, and gives it to its owner', async () => {
    const draft = await createEvent('alice', { status: 'DRAFT' });
    const public_ = await started({ apiKey: TEST_API_KEY }, ON_EVENT_CHANGED, { eventId: draft.eventId });
    const stranger = await started({ token: await api.tokenFor('mallory') }, ON_EVENT_CHANGED, { eventId: draft.eventId });
    const owner = await started({ token: await api.tokenFor('alice') }, ON_EVENT_CHANGED, { eventId: draft.eventId });

    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: draft.eventId, input: { title: 'Secret plans' } });
    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: draft.eventId, input: { status: 'PUBLISHED' } });

    expect((await owner.received(2)).map((message) => [message.onEventChanged.title, message.onEventChanged.status])).toEqual([
      ['Secret plans', 'DRAFT'],
      ['Secret plans', 'PUBLISHED'],
    ]);
    for (const outsider of [public_, stranger]) {
      const [first] = await outsider.received(1);
      expect(first.onEventChanged.status).toBe('PUBLISHED');
    }
  });

  it('delivers the deletion, marked by deletedAt, and then ends the subscription', async () => {
    const event = await createEvent('alice', { status: 'PUBLISHED' });
    const watcher = await started({ apiKey: TEST_API_KEY }, ON_EVENT_CHANGED, { eventId: event.eventId });
    await mutate('alice', DELETE_FOR_SUBSCRIBERS, { eventId: event.eventId });
    const [deletion] = await watcher.received(1);
    expect(deletion.onEventChanged).toMatchObject({ eventId: event.eventId, deletedAt: expect.any(String) });
    // the server ended it (AppSync sends `complete`, which the link does not pass on)
    await until(() => api.realtimeStats().subscriptions === 0, () => 'the subscription is still registered', 5000);
  });

  it('refuses a connection without credentials with connection_error, and goes on serving others', async () => {
    const anonymous = await rawRealtimeConnection(api.url, null, certificate.cert);
    anonymous.send({ type: 'connection_init' });
    const refusal = await anonymous.next('connection_error');
    expect(refusal.payload.errors[0]).toMatchObject({ errorType: 'UnauthorizedException', errorCode: 401 });
    await anonymous.waitClosed();

    const event = await createEvent('alice', { status: 'PUBLISHED' });
    const watcher = await started({ apiKey: TEST_API_KEY }, ON_EVENT_CHANGED, { eventId: event.eventId });
    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: event.eventId, input: { title: 'Still serving' } });
    expect((await watcher.received(1))[0].onEventChanged.title).toBe('Still serving');
  });

  it('refuses to deliver myRegistration, which would be the registration of whoever made the change', async () => {
    const nosy = await subscribe({ token: await api.tokenFor('mallory') }, `
      subscription ($eventId: ID!) { onEventChanged(eventId: $eventId) { eventId myRegistration { userId } } }`, { eventId: 'any' });
    await nosy.ended();
    expect(JSON.stringify(nosy.errors)).toContain('myRegistration cannot be selected in a subscription');
  });
});

describe('onEventPublished through Apollo and aws-appsync-subscription-link', () => {
  it('delivers events entering PUBLISHED, created so or moved from DRAFT, and not later edits nor drafts', async () => {
    const organizer = `Guild ${Date.now()}`;
    const listing = await started({ apiKey: TEST_API_KEY }, ON_EVENT_PUBLISHED, { organizer });
    const elsewhere = `${organizer} elsewhere`;

    await createEvent('alice', { organizer, status: 'DRAFT', title: 'Draft' });
    await createEvent('alice', { organizer: elsewhere, status: 'PUBLISHED', title: 'Other organizer' });
    const created = await createEvent('alice', { organizer, status: 'PUBLISHED', title: 'Created published' });
    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: created.eventId, input: { title: 'Edited' } });
    const draft = await createEvent('bob', { organizer, status: 'DRAFT', title: 'Published later' });
    await mutate('bob', UPDATE_FOR_SUBSCRIBERS, { eventId: draft.eventId, input: { status: 'PUBLISHED' } });

    const messages = await listing.received(2);
    expect(messages.map((message) => message.onEventPublished.title)).toEqual(['Created published', 'Published later']);
  });
});

describe('Amplify JS v6: generateClient().graphql({ query: subscription }).subscribe', () => {
  it('receives live updates with the API key, on the wss:// URL it derives from the https:// endpoint', async () => {
    expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const event = await createEvent('alice', { status: 'PUBLISHED', capacity: 3 });
    const watcher = await started({ apiKey: TEST_API_KEY }, ON_EVENT_CHANGED, { eventId: event.eventId }, 'amplify');
    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: event.eventId, input: { title: 'Live' } });
    await mutate('bob', REGISTER_FOR_SUBSCRIBERS, { eventId: event.eventId });
    const messages = (await watcher.received(2)).map((message) => message.onEventChanged);
    expect(messages.map(({ title, remaining }) => [title, remaining])).toEqual([
      ['Live', 3],
      ['Live', 2],
    ]);
  });

  it('receives a draft as its owner signed in with a token, and an Apollo subscriber on the same event gets it too', async () => {
    const draft = await createEvent('alice', { status: 'DRAFT' });
    const owner = await started({ token: await api.tokenFor('alice') }, ON_EVENT_CHANGED, { eventId: draft.eventId }, 'amplify');
    const ownerElsewhere = await started({ token: await api.tokenFor('alice') }, ON_EVENT_CHANGED, { eventId: draft.eventId });
    await mutate('alice', UPDATE_FOR_SUBSCRIBERS, { eventId: draft.eventId, input: { title: 'Draft edit' } });
    for (const subscriber of [owner, ownerElsewhere]) {
      expect((await subscriber.received(1))[0].onEventChanged).toMatchObject({ title: 'Draft edit', status: 'DRAFT' });
    }
  });
});
