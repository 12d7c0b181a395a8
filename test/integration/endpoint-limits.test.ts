import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSettings } from '../../model/api-settings.ts';
import { CREATE_EVENT, LIST_EVENTS, eventInput } from '../support/event-operations';
import { startLocalApi, type LocalApi } from '../support/local-api';

// What the endpoint refuses before or while resolving: the same depth,
// resolver-count, introspection and CORS settings the cloud stack applies
// (model/api-settings.ts), plus the local server's body size limit. Every row
// asserts the refusal and that nothing was stored.
// https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html

const ALLOWED_ORIGIN = 'https://events.example.com';

let dev: LocalApi;
let prod: LocalApi;

beforeAll(async () => {
  // depth 2 lets `listEvents { nextToken }` through but not `listEvents { items { title } }`
  dev = await startLocalApi({ settings: { queryDepthLimit: 2, resolverCountLimit: 5 }, allowedOrigins: [ALLOWED_ORIGIN] });
  prod = await startLocalApi({ stage: 'prod' });
});
afterAll(async () => {
  await dev?.close();
  await prod?.close();
});

async function storesNothing<T>(api: LocalApi, attack: () => Promise<T>): Promise<T> {
  const before = await api.storedEventCount();
  const result = await attack();
  expect(await api.storedEventCount()).toBe(before);
  return result;
}

describe('limits', () => {
  it('refuses fields deeper than the query depth limit', async () => {
    await dev.request(CREATE_EVENT, { input: eventInput({ status: 'PUBLISHED' }) });
    const shallow = await dev.request(`{ listEvents { nextToken } }`);
    expect(shallow.errors).toBeUndefined();
    const deep = await dev.request(LIST_EVENTS, {});
    expect(deep.errors![0]).toMatchObject({ errorType: 'QueryDepthLimitExceeded' });
    expect(JSON.stringify(deep.data)).not.toContain('Serverless meetup');
  });

  it('refuses a request whose root fields alone pass the resolver count limit, before any resolver runs', async () => {
    const aliases = Array.from({ length: 6 }, (_, index) => `e${index}: health { status }`).join('\n');
    const response = await storesNothing(dev, () => dev.withApiKey.request(`{ ${aliases} }`));
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ errorType: 'ResolverExecutionLimitReached', path: null }),
    ]);
  });

  it('stores none of 150 aliased createEvent fields over the limit of 100', async () => {
    const fields = Array.from({ length: 150 }, (_, index) => `c${index}: createEvent(input: $input) { eventId }`);
    const response = await storesNothing(prod, () =>
      prod.request(`mutation Many($input: CreateEventInput!) { ${fields.join('\n')} }`, { input: eventInput() }),
    );
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ errorType: 'ResolverExecutionLimitReached' })]);
  });

  it('changes none of 150 aliased updateEvent fields over the limit of 100', async () => {
    const created = await prod.request(CREATE_EVENT, { input: eventInput() });
    const eventId = created.data!.createEvent.eventId;
    const before = await prod.storedEvent(eventId);
    const fields = Array.from(
      { length: 150 },
      (_, index) => `u${index}: updateEvent(eventId: $eventId, input: { capacity: ${index + 1} }) { version }`,
    ).join('\n');
    const response = await prod.request(`mutation Many($eventId: ID!) { ${fields} }`, { eventId });
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ errorType: 'ResolverExecutionLimitReached' })]);
    expect(await prod.storedEvent(eventId)).toEqual(before);
  });

  it('refuses introspection in the prod stage, and allows it in dev', async () => {
    expect(apiSettings('prod').introspection).toBe(false);
    const refused = await prod.withApiKey.request(`{ __schema { queryType { name } } }`);
    expect(refused.data).toBeNull();
    // AppSync answers as if __schema had no such field (configuration-limits page)
    expect(refused.errors![0].message).toMatch(/FieldUndefined.*__Schema/);
    const allowed = await dev.withApiKey.request(`{ __schema { queryType { name } } }`);
    expect(allowed.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses a body over the size limit with 413, storing nothing', async () => {
    const limit = apiSettings('dev').maxRequestBodyBytes;
    const response = await storesNothing(dev, () =>
      fetch(dev.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'ignored' },
        body: JSON.stringify({ query: CREATE_EVENT, variables: { input: eventInput({ description: 'x'.repeat(limit) }) } }),
      }),
    );
    expect(response.status).toBe(413);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(dev.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('answers an allowed origin with CORS headers', async () => {
    const response = await preflight(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });

  it('gives a disallowed origin no CORS headers, so browsers refuse it', async () => {
    const response = await preflight('https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(dev.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});
