import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../model/project-paths.ts';
import { startLocalApi, type LocalApi } from '../support/local-api';

// Every GraphQL example in the README runs unchanged against the local server:
// queries with the API key, mutations with a token, as the README says. The
// examples name an event id that does not exist, so the only error allowed is
// NotFoundError; everything else (a typo, a renamed field) fails here.

function graphqlExamples(path: string): string[] {
  const text = readFileSync(fromProjectRoot(path), 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1].trim());
}

const EXAMPLES = graphqlExamples('README.md');
const REGISTRATION_EXAMPLES = graphqlExamples('docs/registrations.md');

/** Runs an example as the README says: queries with the API key, mutations with a token. */
async function runExample(example: string, client = example.startsWith('mutation') ? api : api.withApiKey) {
  const { status, errors } = await client.request(example);
  expect(status).toBe(200);
  for (const error of errors ?? []) {
    expect(error.errorType, error.message).toBe('NotFoundError');
  }
}

/** The line after the operation keyword names the example in the test list. */
function named(examples: string[]): [string, string][] {
  return examples.map((example) => [example.split('\n')[1]?.trim() ?? example, example]);
}

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api?.close());

describe('README examples', () => {
  it('has one for every operation', () => {
    const operations = ['createEvent', 'listEvents', 'getEvent', 'updateEvent', 'deleteEvent', 'health'];
    for (const operation of operations) {
      expect(EXAMPLES.some((example) => example.includes(operation)), operation).toBe(true);
    }
  });

  it.each(named(EXAMPLES))('runs %s', async (_, example) => runExample(example));
});

// docs/registrations.md speaks to signed-in users, so every example runs with
// a token; the examples' event id does not exist, so NotFoundError is again
// the only error allowed.
describe('docs/registrations.md examples', () => {
  it('has one for every registration operation', () => {
    for (const operation of ['registerForEvent', 'cancelRegistration', 'listRegistrations', 'myRegistration', 'clientToken']) {
      expect(REGISTRATION_EXAMPLES.some((example) => example.includes(operation)), operation).toBe(true);
    }
  });

  it.each(named(REGISTRATION_EXAMPLES))('runs %s', async (_, example) => runExample(example, api));
});
