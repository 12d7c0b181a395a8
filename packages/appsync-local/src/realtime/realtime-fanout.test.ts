import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, RealtimeClient, startTestApi, type Message, type TestApi } from './test-support.ts';

// Fan-out of mutations to subscribers, as AppSync does it:
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html (arguments, selection)
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html

const PUT_ITEM = `mutation Put($id: ID!, $owner: String, $status: String, $count: Int, $tags: [String], $title: String, $secret: String) {
  putItem(id: $id, owner: $owner, status: $status, count: $count, tags: $tags, title: $title, secret: $secret) {
    id owner status count tags title secret
  }
}`;

let test: TestApi;

beforeAll(async () => {
  test = await startTestApi();
});

afterAll(async () => {
  await test.stop();
});

function put(item: Record<string, unknown>, query = PUT_ITEM, headers?: Record<string, string>) {
  return postGraphQL(test.api, query, item, headers);
}

/** The titles of the items a subscription received, in order. */
function titles(client: RealtimeClient, id: string, field = 'onItem'): unknown[] {
  return client.dataFor(id).map((message) => (message.payload?.data as Record<string, Record<string, unknown>>)[field].title);
}

async function subscribed(query: string, variables: Record<string, unknown> = {}, authorization?: Record<string, string>) {
  const client = await RealtimeClient.connect(test.api);
  const answer = await client.start('s', query, variables, authorization);
  expect(answer).toEqual({ type: 'start_ack', id: 's' });
  return client;
}

describe('aws-appsync-real-time-data: subscription arguments', () => {
  it('sends a result to subscribers whose given arguments all equal its fields; omitted arguments match all', async () => {
    const byId = await subscribed('subscription($id: ID) { onItem(id: $id) { title } }', { id: 'a1' });
    const byOwner = await subscribed('subscription { onItem(owner: "bob") { title } }');
    const everything = await subscribed('subscription { onItem { title } }');
    // a1 and carol: only the third item
    const both = await subscribed('subscription { onItem(id: "a1", owner: "carol") { title } }');
    await put({ id: 'a1', owner: 'bob', title: 'one' });
    await put({ id: 'a2', owner: 'carol', title: 'two' });
    await put({ id: 'a1', owner: 'carol', title: 'three' });
    await everything.next('data', 's');
    await everything.next('data', 's');
    await everything.next('data', 's');
    await both.next('data', 's');
    expect(titles(byId, 's')).toEqual(['one', 'three']);
    expect(titles(byOwner, 's')).toEqual(['one']);
    expect(titles(both, 's')).toEqual(['three']);
    expect(titles(everything, 's')).toEqual(['one', 'two', 'three']);
    await Promise.all([byId, byOwner, everything, both].map((client) => client.close()));
  });

  it('never matches an argument the mutation did not select (aws-appsync-community#109)', async () => {
    const byOwner = await subscribed('subscription { onItem(owner: "dave") { id title } }');
    await put({ id: 'b1', owner: 'dave', title: 'unseen' }, 'mutation($id: ID!, $owner: String, $title: String) { putItem(id: $id, owner: $owner, title: $title) { id title } }');
    await put({ id: 'b2', owner: 'dave', title: 'seen' });
    await byOwner.next('data', 's');
    expect(titles(byOwner, 's')).toEqual(['seen']);
    await byOwner.close();
  });

  it('publishes nothing for a mutation that failed', async () => {
    const client = await subscribed('subscription { onItem { id title } }');
    const failed = await put({ id: 'c1' }, 'mutation($id: ID!) { failItem(id: $id) { id title } }');
    expect(failed.errors).toHaveLength(1);
    await put({ id: 'c2', title: 'after' });
    await client.next('data', 's');
    expect(titles(client, 's')).toEqual(['after']);
    await client.close();
  });
});

describe('aws-appsync-real-time-data: what a subscriber receives', () => {
  it("is the mutation's selection seen through the subscriber's: aliases kept, unselected fields null, __typename filled", async () => {
    const client = await subscribed('subscription { onItem(id: "d1") { __typename id heading: title count status } }');
    await put({ id: 'd1', title: 'Hello', count: 3, status: 'OPEN' }, 'mutation($id: ID!, $title: String, $count: Int) { putItem(id: $id, title: $title, count: $count) { name: title id } }');
    expect((await client.next('data', 's')).payload).toEqual({
      data: { onItem: { __typename: 'Item', id: 'd1', heading: 'Hello', count: null, status: null } },
    });
    await client.close();
  });

  it('reaches every subscriber on every connection', async () => {
    const clients = await Promise.all([1, 2, 3, 4].map(() => subscribed('subscription { onItem(id: "e1") { title } }')));
    await put({ id: 'e1', title: 'everyone' });
    for (const client of clients) {
      expect((await client.next('data', 's')).payload).toEqual({ data: { onItem: { title: 'everyone' } } });
    }
    await Promise.all(clients.map((client) => client.close()));
  });
});

describe('aws-appsync-real-time-enhanced-filtering', () => {
  const filterOf = (filterGroup: unknown) => JSON.stringify({ filterGroup });

  it("delivers only what passes the filter the subscription resolver set (extensions.setSubscriptionFilter)", async () => {
    const filter = filterOf([
      { filters: [{ fieldName: 'count', operator: 'ge', value: 5 }, { fieldName: 'status', operator: 'in', value: ['OPEN', 'NEW'] }] },
      { filters: [{ fieldName: 'tags', operator: 'containsAny', value: ['vip'] }] },
    ]);
    const client = await subscribed('subscription($filter: String!) { onFiltered(filter: $filter) { title } }', { filter });
    await put({ id: 'f1', count: 7, status: 'OPEN', title: 'big and open' });
    await put({ id: 'f2', count: 7, status: 'CLOSED', title: 'big but closed' });
    await put({ id: 'f3', count: 1, status: 'OPEN', title: 'small' });
    await put({ id: 'f4', count: 1, tags: ['vip'], title: 'vip' });
    await client.next('data', 's');
    await client.next('data', 's');
    expect(titles(client, 's', 'onFiltered')).toEqual(['big and open', 'vip']);
    await client.close();
  });

  it('refuses the subscription when its filter is over a documented limit', async () => {
    const client = await RealtimeClient.connect(test.api);
    const filter = filterOf(Array(11).fill({ filters: [{ fieldName: 'count', operator: 'eq', value: 1 }] }));
    expect(await client.start('s', 'subscription($filter: String!) { onFiltered(filter: $filter) { title } }', { filter })).toEqual({
      type: 'error',
      id: 's',
      payload: {
        errors: [{ errorType: 'BadRequestException', message: 'The subscription filter is not valid: a subscription filter has at most 10 filter groups, not 11' }],
      },
    });
    await client.close();
  });

  it("filters by the subscriber's identity (util.transform.toSubscriptionFilter on ctx.identity)", async () => {
    const alice = await subscribed('subscription { onMine { title } }', {}, { Authorization: await test.idToken('alice') });
    await put({ id: 'g1', owner: 'bob', title: "bob's" });
    await put({ id: 'g2', owner: 'alice', title: "alice's" });
    await alice.next('data', 's');
    expect(titles(alice, 's', 'onMine')).toEqual(["alice's"]);
    await alice.close();
  });
});

describe('security-authz: authorization per subscriber', () => {
  it("gives each subscriber only the fields its auth mode may read (null for the others)", async () => {
    const byKey = await subscribed('subscription { onItem(id: "h1") { title secret } }');
    const byUser = await subscribed('subscription { onItem(id: "h1") { title secret } }', {}, { Authorization: await test.idToken('erin') });
    const written = await put({ id: 'h1', title: 'public', secret: 'for users only' }, PUT_ITEM, { Authorization: await test.idToken('erin') });
    expect(written.errors).toBeUndefined();
    expect((await byKey.next('data', 's')).payload).toEqual({ data: { onItem: { title: 'public', secret: null } } });
    expect((await byUser.next('data', 's')).payload).toEqual({ data: { onItem: { title: 'public', secret: 'for users only' } } });
    await byKey.close();
    await byUser.close();
  });
});

describe('aws-appsync-real-time-invalidation', () => {
  it('ends the subscriptions whose invalidation filter matches the payload, with complete; the others go on', async () => {
    const bobs = await subscribed('subscription { onItem(owner: "bob") { title } }');
    const carols = await subscribed('subscription { onItem(owner: "carol") { title } }');
    const all = await subscribed('subscription { onItem { title } }');
    const banned = await postGraphQL(test.api, 'mutation { banOwner(owner: "bob") }');
    expect(banned).toEqual({ data: { banOwner: 'bob' } });
    expect(await bobs.next('complete', 's')).toEqual({ type: 'complete', id: 's' });
    await put({ id: 'i1', owner: 'bob', title: 'after the ban' });
    await put({ id: 'i2', owner: 'carol', title: 'for carol' });
    await all.next('data', 's');
    await all.next('data', 's');
    await carols.next('data', 's');
    expect(titles(bobs, 's')).toEqual([]);
    expect(titles(carols, 's')).toEqual(['for carol']);
    expect(titles(all, 's')).toEqual(['after the ban', 'for carol']);
    expect(bobs.socket.readyState).toBe(bobs.socket.OPEN);
    await Promise.all([bobs, carols, all].map((client) => client.close()));
  });
});

describe('fan-out under concurrent mutations (bounded self-check)', () => {
  it('delivers every mutation exactly once to each matching subscriber and to no other', async () => {
    const ids = ['k1', 'k2', 'k3', 'k4'];
    const clients = await Promise.all(
      ids.map(async (id) => {
        const client = await RealtimeClient.connect(test.api);
        await client.start(id, 'subscription($id: ID) { onItem(id: $id) { id title } }', { id });
        await client.start(`${id}-all`, 'subscription { onItem { id title } }');
        return client;
      }),
    );
    const writes = Array.from({ length: 40 }, (_, index) => ({ id: ids[index % ids.length], title: `w${index}` }));
    await Promise.all(writes.map((item) => put(item)));
    const received = (client: RealtimeClient, id: string, count: number) =>
      Promise.all(Array.from({ length: count }, () => client.next('data', id)));
    for (const [index, client] of clients.entries()) {
      const id = ids[index];
      const own = (await received(client, id, 10)).map((message: Message) => message.payload);
      const all = await received(client, `${id}-all`, 40);
      const expected = writes.filter((item) => item.id === id).map((item) => item.title).sort();
      expect(own.map((payload) => (payload?.data as { onItem: { title: string } }).onItem.title).sort()).toEqual(expected);
      expect(own.every((payload) => (payload?.data as { onItem: { id: string } }).onItem.id === id)).toBe(true);
      expect(new Set(all.map((message) => JSON.stringify(message.payload))).size).toBe(40);
    }
    // one more write reaches every subscriber after all the others: nothing extra was queued before it
    await put({ id: 'k1', title: 'last' });
    await clients[0].next('data', 'k1');
    for (const client of clients) {
      await client.next('data', `${ids[clients.indexOf(client)]}-all`);
      expect(client.received.filter((message) => message.type === 'data')).toEqual([]);
    }
    await Promise.all(clients.map((client) => client.close()));
  });
});
