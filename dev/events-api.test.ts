import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppSyncSchema, createFieldAuthorizer, type AuthenticatedCaller } from 'appsync-local';
import { isObjectType } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { resolverName, resolverWiring } from '../model/api-wiring.ts';
import { readSchema } from '../model/schema-source.ts';
import { buildResolverBundles } from '../scripts/build-resolvers.ts';
import { loadEventsResolvers } from './events-api.ts';

// The Events API as appsync-local sees it: its bundles load and pass the
// APPSYNC_JS checks, and its schema's auth directives admit whom the README says.

const apiKeyCaller: AuthenticatedCaller = { authMode: 'API_KEY', identity: {} };

function signedIn(...groups: string[]): AuthenticatedCaller {
  return {
    authMode: 'AMAZON_COGNITO_USER_POOLS',
    identity: { sub: 'user-sub', groups: groups.length === 0 ? null : groups },
  };
}

describe("the Events API's bundles", () => {
  const outDir = mkdtempSync(join(tmpdir(), 'events-bundles-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('load, every one accepted by the APPSYNC_JS checks, in the order of the wiring', async () => {
    await buildResolverBundles({ outDir });
    const definitions = loadEventsResolvers(outDir);
    expect(definitions.map(resolverName)).toEqual(resolverWiring.map(resolverName));
  });
});

describe("the Events API's schema.graphql", () => {
  const schema = buildAppSyncSchema(readSchema());
  const isAllowed = createFieldAuthorizer(schema, 'API_KEY');
  const admin = signedIn('admins');
  const user = signedIn();

  function fieldsOf(typeName: string): string[] {
    const type = schema.getType(typeName);
    return isObjectType(type) ? Object.keys(type.getFields()) : [];
  }

  /** The one query for signed-in users only: who registered is for an event's owner and admins. */
  const SIGNED_IN_QUERIES = ['listRegistrations'];

  it('lets API key callers and signed-in users read every query but listRegistrations, which needs a token', () => {
    for (const field of fieldsOf('Query')) {
      const apiKeyMay = !SIGNED_IN_QUERIES.includes(field);
      expect([field, isAllowed('Query', field, apiKeyCaller), isAllowed('Query', field, user)]).toEqual([field, apiKeyMay, true]);
    }
  });

  it('requires a signed-in user, of any group, for every mutation', () => {
    for (const field of fieldsOf('Mutation')) {
      expect([field, isAllowed('Mutation', field, apiKeyCaller), isAllowed('Mutation', field, user), isAllowed('Mutation', field, admin)])
        .toEqual([field, false, true, true]);
    }
  });

  it('lets API key callers and signed-in users subscribe: the subscription resolvers decide what each receives', () => {
    expect(fieldsOf('Subscription')).toEqual(['onEventChanged', 'onEventPublished']);
    for (const field of fieldsOf('Subscription')) {
      expect([field, isAllowed('Subscription', field, apiKeyCaller), isAllowed('Subscription', field, user)]).toEqual([field, true, true]);
    }
  });

  it('lets both modes read every field of every returned object type but the page of listRegistrations', () => {
    const roots = ['Query', 'Mutation', 'Subscription'];
    const returnedTypes = Object.values(schema.getTypeMap()).filter(
      (type) => isObjectType(type) && !type.name.startsWith('__') && !roots.includes(type.name),
    );
    expect(returnedTypes.map((type) => type.name).sort()).toEqual([
      'DatabaseHealth',
      'Event',
      'EventConnection',
      'Health',
      'Registration',
      'RegistrationConnection',
    ]);
    for (const type of returnedTypes) {
      const apiKeyMay = type.name !== 'RegistrationConnection';
      for (const field of fieldsOf(type.name)) {
        const where = `${type.name}.${field}`;
        expect([where, isAllowed(type.name, field, apiKeyCaller), isAllowed(type.name, field, user)]).toEqual([where, apiKeyMay, true]);
      }
    }
  });
});
