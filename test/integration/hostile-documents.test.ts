import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalApi, type LocalApi } from '../support/local-api';
import { PARSER_LIMITS } from 'appsync-local';

// Documents shaped to exhaust the parser: each answers a client error (a
// syntax error, HTTP 200, data null, as graphql-java's parser limits answer
// in AppSync), never a 500, and the server logs nothing about them.

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(async () => {
  await api?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function refusedAsSyntax(query: string) {
  const logged = vi.spyOn(console, 'error');
  const response = await api.withApiKey.request(query);
  expect(response.status).toBe(200);
  expect(response.data).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(logged).not.toHaveBeenCalled();
  return response.errors![0].message;
}

describe('parser limits', () => {
  it('refuses a list literal nested 20,000 deep', async () => {
    const message = await refusedAsSyntax(
      `{ getEvent(eventId: ${'['.repeat(20_000)}${']'.repeat(20_000)}) { eventId } }`,
    );
    expect(message).toMatch(/^Invalid Syntax : More than 128 nested brackets .* parsing has been cancelled\.$/);
  });

  it('refuses a selection nested 3,000 deep', async () => {
    const message = await refusedAsSyntax(`{ ${'health { '.repeat(3_000)} status ${'}'.repeat(3_000)} }`);
    expect(message).toMatch(/^Invalid Syntax : More than 128 nested brackets/);
  });

  it(`refuses more than ${PARSER_LIMITS.maxTokens} tokens, as graphql-java does`, async () => {
    const message = await refusedAsSyntax(`{ health { ${'status '.repeat(5)}${'x '.repeat(PARSER_LIMITS.maxTokens)} } }`);
    expect(message).toMatch(/^Invalid Syntax : More than 15000 'grammar' tokens have been presented/);
  });

  it('parses a document nested 100 deep and answers its ordinary validation error', async () => {
    const response = await api.withApiKey.request(`{ health { ${'a { '.repeat(100)} b ${'}'.repeat(100)} } }`);
    expect(response.status).toBe(200);
    expect(response.errors![0].message).toMatch(/^Validation error of type FieldUndefined/);
  });
});
