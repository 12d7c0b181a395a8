import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../model/project-paths.ts';
import { startLocalApi, TEST_API_KEY, type LocalApi } from '../support/local-api';
import { rawRealtimeConnection } from '../support/subscription-clients';

// Every GraphQL example in the README and in docs/*.md runs unchanged against
// the local server: queries with the API key, mutations with a token, as the
// API reference says, and subscriptions over the real-time endpoint with the
// API key, where the server must start them (start_ack). The examples name an event id that does not exist, so
// the only error allowed is NotFoundError; everything else (a typo, a renamed
// field) fails here.

// docs/registrations.md speaks to signed-in users, so its examples all run
// with a token.
const SIGNED_IN_DOCUMENTS = new Set(['docs/registrations.md']);

const DOCUMENTS = [
  'README.md',
  ...readdirSync(fromProjectRoot('docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const EXAMPLES = DOCUMENTS.flatMap((document) =>
  [...readFileSync(fromProjectRoot(document), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => ({
    document,
    example: match[1].trim(),
  })),
);

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api?.close());

describe('documentation examples', () => {
  it('has one for every operation', () => {
    const operations = ['createEvent', 'listEvents', 'getEvent', 'updateEvent', 'deleteEvent', 'health', 'onEventChanged', 'onEventPublished'];
    for (const operation of operations) {
      expect(
        EXAMPLES.some(({ example }) => example.includes(operation)),
        operation,
      ).toBe(true);
    }
  });

  it.each(EXAMPLES.filter(({ example }) => example.startsWith('subscription')).map(({ document, example }) => [document, example.split('\n')[1]?.trim(), example]))(
    '%s: starts %s',
    async (_document, _firstLine, example) => {
      const header = { host: new URL(api.url).host, 'x-api-key': TEST_API_KEY };
      const connection = await rawRealtimeConnection(api.url, header);
      connection.send({ type: 'connection_init' });
      await connection.next('connection_ack');
      connection.send({
        type: 'start',
        id: 'example',
        payload: { data: JSON.stringify({ query: example, variables: {} }), extensions: { authorization: header } },
      });
      const answer = await Promise.race([connection.next('start_ack'), connection.next('error')]);
      connection.close();
      expect(answer).toEqual({ type: 'start_ack', id: 'example' });
    },
  );

  it.each(
    EXAMPLES.filter(({ example }) => !example.startsWith('subscription')).map(({ document, example }) => [
      document,
      example.split('\n')[1]?.trim() ?? example,
      example,
    ]),
  )(
    '%s: runs %s',
    async (document, _firstLine, example) => {
      const withToken = SIGNED_IN_DOCUMENTS.has(document) || example.startsWith('mutation');
      const { status, errors } = await (withToken ? api : api.withApiKey).request(example);
      expect(status).toBe(200);
      for (const error of errors ?? []) {
        expect(error.errorType, error.message).toBe('NotFoundError');
      }
    },
  );

  it('has an example of every registration operation in docs/registrations.md', () => {
    const examples = EXAMPLES.filter(({ document }) => document === 'docs/registrations.md').map(({ example }) => example);
    for (const operation of ['registerForEvent', 'cancelRegistration', 'listRegistrations', 'myRegistration', 'clientToken']) {
      expect(examples.some((example) => example.includes(operation)), operation).toBe(true);
    }
  });
});
