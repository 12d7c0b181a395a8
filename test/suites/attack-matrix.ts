import { decodeJwt, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintIdToken } from 'appsync-local';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from 'appsync-local/testing';
import { EVENTS_USER_POOL } from '../../dev/events-api.ts';
import { ADMIN_GROUP } from '../../model/access.ts';
import { CREATE_EVENT, DELETE_EVENT, GET_EVENT, LIST_EVENTS, UPDATE_EVENT, eventInput } from '../support/event-operations';
import { graphqlClient, type GraphQLClient, type GraphQLResponse } from '../support/graphql-client';
import { startLocalApi, TEST_API_KEY, type LocalApi, type LocalApiSource } from '../support/local-api';
import { CANCEL_REGISTRATION, EVENT_SEATS, LIST_REGISTRATIONS, REGISTER } from '../support/registration-operations';
import { rawRealtimeConnection } from '../support/subscription-clients';
import { CREATE_FOR_SUBSCRIBERS, ON_EVENT_CHANGED, UPDATE_FOR_SUBSCRIBERS } from '../support/subscription-operations';

// The attack matrix of the access-control issue: each row asserts the refusal
// AND that the stored data is exactly as before. Rules as AWS documents them:
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html

const EXPIRED_KEY = 'da2-expired-key';

/** The matrix, against the Events API wired from the model or served from its cloud assembly. */
export function attackMatrixTests(source: LocalApiSource): void {
  let api: LocalApi;
  let alice: GraphQLClient;
  let bob: GraphQLClient;
  let admin: GraphQLClient;
  let forger: TemporaryUserPoolKeys;
  /** alice's events: one published, one draft */
  let published: Record<string, any>;
  let draft: Record<string, any>;

  beforeAll(async () => {
    api = await startLocalApi({
      source,
      apiKeys: [{ key: TEST_API_KEY }, { key: EXPIRED_KEY, expiresAt: new Date(Date.now() - 60_000) }],
    });
    alice = api; // api.request is signed in as alice
    bob = await api.asUser('bob');
    admin = await api.asUser('carol', { groups: [ADMIN_GROUP] });
    forger = await temporaryUserPoolKeys();
    published = (await alice.request(CREATE_EVENT, { input: eventInput({ title: 'Public', status: 'PUBLISHED' }) })).data!
      .createEvent;
    draft = (await alice.request(CREATE_EVENT, { input: eventInput({ title: 'Secret draft' }) })).data!.createEvent;
  });
  afterAll(async () => {
    await api?.close();
    await forger?.remove();
  });

  /** Every stored event, to compare before and after an attack. */
  async function snapshot() {
    return {
      count: await api.storedEventCount(),
      published: await api.storedEvent(published.eventId),
      draft: await api.storedEvent(draft.eventId),
    };
  }

  /** Runs the attack and asserts that nothing stored changed. */
  async function leavesDataUnchanged<T>(attack: () => Promise<T>): Promise<T> {
    const before = await snapshot();
    const result = await attack();
    expect(await snapshot()).toEqual(before);
    return result;
  }

  function client(headers: Record<string, string>): GraphQLClient {
    return graphqlClient(api.url, headers);
  }

  const createAttempt = (attacker: GraphQLClient) => attacker.request(CREATE_EVENT, { input: eventInput({ title: 'Injected' }) });
  const deleteAttempt = (attacker: GraphQLClient) => attacker.request(DELETE_EVENT, { eventId: published.eventId });

  /** alice's claims, signed some other way. */
  async function aliceClaims() {
    return decodeJwt(await api.tokenFor('alice'));
  }

  describe('credentials: refused with HTTP 401 UnauthorizedException', () => {
    it.each([
      ['no credentials', {}],
      ['a wrong API key', { 'x-api-key': 'da2-guessed' }],
      ['an expired API key', { 'x-api-key': EXPIRED_KEY }],
    ])('%s', async (_, headers) => {
      const response = await leavesDataUnchanged(() => deleteAttempt(client(headers)));
      expect(response.status).toBe(401);
      expect(response.errors![0].errorType).toBe('UnauthorizedException');
      expect(response.data).toBeNull();
    });

    it.each([
      ['a JWT with alg none', async () => new UnsecuredJWT(await aliceClaims()).encode()],
      [
        'a JWT signed by another key',
        async () => {
          const { privateKey } = await generateKeyPair('RS256');
          return new SignJWT(await aliceClaims()).setProtectedHeader({ alg: 'RS256', kid: 'forged' }).sign(privateKey);
        },
      ],
      ['a JWT from another user pool key set', async () => mintIdToken(forger.keys, { username: 'alice', pool: EVENTS_USER_POOL })],
      [
        'an expired JWT',
        async () => api.tokenFor('alice', { issuedAt: new Date(Date.now() - 2 * 3600_000), expiresInSeconds: 3600 }),
      ],
    ])('%s', async (_, forge) => {
      const token = await forge();
      const response = await leavesDataUnchanged(() => deleteAttempt(client({ authorization: token })));
      expect(response.status).toBe(401);
      expect(response.errors![0].errorType).toBe('UnauthorizedException');
    });
  });

  describe('mutations need a signed-in user', () => {
    it('refuses a mutation with only an API key (errorType Unauthorized)', async () => {
      for (const attempt of [createAttempt, deleteAttempt]) {
        const response = await leavesDataUnchanged(() => attempt(api.withApiKey));
        expect(response.status).toBe(200);
        expect(response.errors![0]).toMatchObject({ errorType: 'Unauthorized', message: expect.stringMatching(/^Not Authorized to access \w+Event on type Mutation$/) });
      }
      const update = await leavesDataUnchanged(() =>
        api.withApiKey.request(UPDATE_EVENT, { eventId: published.eventId, input: { title: 'Defaced' } }),
      );
      expect(update.errors![0]).toMatchObject({ errorType: 'Unauthorized' });
    });

    it('takes the owner from the token, never from input', async () => {
      const { data } = await bob.request(CREATE_EVENT, { input: eventInput({ title: 'Bob owns this' }) });
      const stored = await api.storedEvent(data!.createEvent.eventId);
      expect(stored!.ownerId).toBe(decodeJwt(await api.tokenFor('bob')).sub);
      await bob.request(DELETE_EVENT, { eventId: data!.createEvent.eventId });
    });
  });

  describe("another user's event", () => {
    it('refuses updating it (errorType Unauthorized)', async () => {
      const response = await leavesDataUnchanged(() =>
        bob.request(UPDATE_EVENT, { eventId: published.eventId, input: { title: 'Mine now' } }),
      );
      expect(response.errors![0]).toMatchObject({ errorType: 'Unauthorized', path: ['updateEvent'] });
      expect(response.data).toEqual({ updateEvent: null });
    });

    it('refuses deleting it (errorType Unauthorized)', async () => {
      const response = await leavesDataUnchanged(() => deleteAttempt(bob));
      expect(response.errors![0]).toMatchObject({ errorType: 'Unauthorized', path: ['deleteEvent'] });
    });

    it('lets an admin update it (the control for the two rows above)', async () => {
      const { data, errors } = await admin.request(UPDATE_EVENT, { eventId: published.eventId, input: { capacity: 99 } });
      expect(errors).toBeUndefined();
      expect(data!.updateEvent).toMatchObject({ capacity: 99, ownerId: published.ownerId });
      published = data!.updateEvent;
    });
  });

  describe('drafts are visible only to their owner and admins', () => {
    const listIds = async (reader: GraphQLClient, filter?: Record<string, unknown>) => {
      const { data, errors } = await reader.request(LIST_EVENTS, { filter, limit: 100 });
      expect(errors).toBeUndefined();
      return data!.listEvents.items.map((event: { eventId: string }) => event.eventId);
    };
    const getDraft = async (reader: GraphQLClient) =>
      (await reader.request(GET_EVENT, { eventId: draft.eventId })).data!.getEvent;

    it('hides a draft from API-key reads, in getEvent and listEvents', async () => {
      expect(await getDraft(api.withApiKey)).toBeNull();
      expect(await listIds(api.withApiKey)).toEqual([published.eventId]);
      expect(await listIds(api.withApiKey, { status: 'DRAFT' })).toEqual([]);
      expect(await listIds(api.withApiKey, { organizer: draft.organizer })).toEqual([published.eventId]);
    });

    it("hides a draft from another signed-in user (an admin's reach)", async () => {
      expect(await getDraft(bob)).toBeNull();
      expect(await listIds(bob, { status: 'DRAFT' })).not.toContain(draft.eventId);
      expect(await listIds(bob)).not.toContain(draft.eventId);
    });

    it('shows a draft to its owner and to admins', async () => {
      expect(await getDraft(alice)).toMatchObject({ title: 'Secret draft' });
      expect(await getDraft(admin)).toMatchObject({ title: 'Secret draft' });
      expect(await listIds(alice, { status: 'DRAFT' })).toContain(draft.eventId);
      expect(await listIds(admin)).toEqual(expect.arrayContaining([draft.eventId, published.eventId]));
    });
  });

  describe('registrations', () => {
    /** Every registration item of both of alice's events, with the events, to compare before and after. */
    async function registrationSnapshot() {
      return {
        events: await snapshot(),
        published: await api.storedRegistrationItems(published.eventId),
        draft: await api.storedRegistrationItems(draft.eventId),
      };
    }
    async function leavesRegistrationsUnchanged(attack: () => Promise<GraphQLResponse>) {
      const before = await registrationSnapshot();
      const response = await attack();
      expect(await registrationSnapshot()).toEqual(before);
      return response;
    }

    beforeAll(async () => {
      const { errors } = await bob.request(REGISTER, { eventId: published.eventId });
      expect(errors).toBeUndefined();
    });

    it("cannot cancel someone else's registration: the user is the token's, so alice has none to cancel (NotFoundError)", async () => {
      const response = await leavesRegistrationsUnchanged(() =>
        alice.request(CANCEL_REGISTRATION, { eventId: published.eventId }),
      );
      expect(response.errors![0]).toMatchObject({ errorType: 'NotFoundError', path: ['cancelRegistration'] });
    });

    it.each([
      ['cancelRegistration', 'mutation { cancelRegistration(eventId: "%s", userId: "bob") { status } }'],
      ['registerForEvent', 'mutation { registerForEvent(eventId: "%s", userId: "bob") { status } }'],
    ])('refuses a forged userId in %s input as an invalid query', async (_, query) => {
      const response = await leavesRegistrationsUnchanged(() => alice.request(query.replace('%s', published.eventId)));
      expect(response.data).toBeNull();
      expect(response.errors![0].message).toContain('Unknown argument "userId"');
    });

    it("refuses listing the registrations of someone else's event (Unauthorized), and lets an admin list them", async () => {
      const response = await leavesRegistrationsUnchanged(() => bob.request(LIST_REGISTRATIONS, { eventId: published.eventId }));
      expect(response.errors![0]).toMatchObject({ errorType: 'Unauthorized', path: ['listRegistrations'] });
      const asAdmin = await admin.request(LIST_REGISTRATIONS, { eventId: published.eventId });
      expect(asAdmin.data!.listRegistrations.items).toHaveLength(1);
    });

    it('refuses registrations with only the API key, which sees counts but no registration', async () => {
      const attempt = await leavesRegistrationsUnchanged(() => api.withApiKey.request(REGISTER, { eventId: published.eventId }));
      expect(attempt.errors![0]).toMatchObject({ errorType: 'Unauthorized' });
      const list = await api.withApiKey.request(LIST_REGISTRATIONS, { eventId: published.eventId });
      expect(list.errors![0]).toMatchObject({ errorType: 'Unauthorized' });
      const { data } = await api.withApiKey.request(EVENT_SEATS, { eventId: published.eventId });
      expect(data!.getEvent).toMatchObject({ confirmedCount: 1, myRegistration: null });
    });

    it("refuses registering for someone else's draft as if it did not exist (NotFoundError), writing nothing", async () => {
      const response = await leavesRegistrationsUnchanged(() => bob.request(REGISTER, { eventId: draft.eventId }));
      expect(response.errors![0]).toMatchObject({ errorType: 'NotFoundError', path: ['registerForEvent'] });
    });
  });

  describe('subscriptions (the real-time endpoint)', () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
    let secret: Record<string, any>;
    beforeAll(async () => {
      secret = (await alice.request(CREATE_FOR_SUBSCRIBERS, { input: eventInput({ title: 'Secret plan' }) })).data!.createEvent;
    });

    function headerOf(credentials: Record<string, string>) {
      return { host: new URL(api.url).host, ...credentials };
    }

    async function connected(credentials: Record<string, string>) {
      const connection = await rawRealtimeConnection(api.url, headerOf(credentials));
      connection.send({ type: 'connection_init' });
      await connection.next('connection_ack');
      return connection;
    }

    async function subscribedToSecret(credentials: Record<string, string>) {
      const connection = await connected(credentials);
      const data = JSON.stringify({ query: ON_EVENT_CHANGED, variables: { eventId: secret.eventId } });
      connection.send({ type: 'start', id: 'watch', payload: { data, extensions: { authorization: headerOf(credentials) } } });
      await connection.next('start_ack');
      return connection;
    }

    it("never sends a draft's changes to an API-key subscriber nor to another user, while its owner gets them", async () => {
      const owner = await subscribedToSecret({ Authorization: await api.tokenFor('alice') });
      const outsiders = [
        await subscribedToSecret({ 'x-api-key': TEST_API_KEY }),
        await subscribedToSecret({ Authorization: await api.tokenFor('bob') }),
      ];
      await alice.request(UPDATE_FOR_SUBSCRIBERS, { eventId: secret.eventId, input: { description: 'Only for alice' } });
      expect((await owner.next('data')).payload.data.onEventChanged.title).toBe('Secret plan');
      // the fan-out sends to every subscriber at once; give a wrongly sent message time to arrive
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const outsider of outsiders) {
        expect(outsider.messages.filter((message) => message.type === 'data')).toEqual([]);
        outsider.close();
      }
      owner.close();
    });

    it('refuses a connection without credentials, or with a wrong API key, with connection_error and closes it', async () => {
      for (const header of [null, headerOf({ 'x-api-key': 'da2-wrong-key' })]) {
        const connection = await rawRealtimeConnection(api.url, header);
        connection.send({ type: 'connection_init' });
        expect((await connection.next('connection_error')).payload.errors[0]).toMatchObject({
          errorType: 'UnauthorizedException',
          errorCode: 401,
        });
        await connection.waitClosed();
      }
    });

    it.each([
      ['a frame that is not JSON', '{"type": "start", ', 'MalformedMessage'],
      ['a binary frame', Buffer.from([0xff, 0x00, 0x13]), 'MalformedMessage'],
      ['a frame over 240 KB', JSON.stringify({ type: 'start', id: 'big', payload: { data: 'x'.repeat(250 * 1024) } }), 'MessageTooLarge'],
      ['an unknown message type', JSON.stringify({ type: 'subscribe', id: 'x' }), 'UnsupportedOperation'],
    ])('answers %s with a clear error, and the connection and the server go on serving', async (_, frame, errorType) => {
      const connection = await connected({ 'x-api-key': TEST_API_KEY });
      connection.send(frame);
      const error = await connection.next('error');
      expect(error.payload.errors[0].errorType).toBe(errorType);
      expect(JSON.stringify(error)).not.toMatch(/at .*\.ts|node_modules|TableName|events-/);
      const data = JSON.stringify({ query: ON_EVENT_CHANGED, variables: { eventId: published.eventId } });
      connection.send({ type: 'start', id: 'after', payload: { data, extensions: { authorization: headerOf({ 'x-api-key': TEST_API_KEY }) } } });
      expect(await connection.next('start_ack')).toEqual({ type: 'start_ack', id: 'after' });
      connection.close();
      expect((await api.withApiKey.request(GET_EVENT, { eventId: published.eventId })).data!.getEvent.title).toBe('Public');
    });
  });
}
