import { describe, expect, it } from 'vitest';
import { ADMIN, API_KEY_CALLER, dataSourceError, OTHER_USER, OWNER, storedEvent } from '../test/support/resolver-fixtures.ts';
import { expectOpaqueInternalError, raised, resolverUnderTest, returned, type TestContext } from '../test/support/resolver-handlers.ts';

// Unit tests through EvaluateCode, as in AWS's guide:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// Query request fields: https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html#js-aws-appsync-resolver-reference-dynamodb-query

const listEvents = await resolverUnderTest('Query.listEvents');

async function queryFor(args: TestContext['arguments'], identity = OWNER) {
  return returned(await listEvents.request({ arguments: args, identity }));
}

/** How a nextToken names the listing it belongs to: the validated filter, in base64. */
function listingPrefix(status: string | null, organizer: string | null = null, from: string | null = null, to: string | null = null) {
  return `${Buffer.from(JSON.stringify([status, organizer, from, to])).toString('base64')}.`;
}

describe('Query.listEvents request: which index a listing reads', () => {
  it('reads every event by date from byItemTypeAndDate when nothing is filtered', async () => {
    expect(await queryFor({}, ADMIN)).toEqual({
      operation: 'Query',
      index: 'byItemTypeAndDate',
      query: {
        expression: '(#itemType = :itemType_eq)',
        expressionNames: { '#itemType': 'itemType' },
        expressionValues: { ':itemType_eq': { S: 'EVENT' } },
      },
      limit: 20,
      scanIndexForward: true,
    });
  });

  it('reads byStatusAndDate for a status', async () => {
    expect(await queryFor({ filter: { status: 'PUBLISHED' } }, ADMIN)).toEqual({
      operation: 'Query',
      index: 'byStatusAndDate',
      query: {
        expression: '(#status = :status_eq)',
        expressionNames: { '#status': 'status' },
        expressionValues: { ':status_eq': { S: 'PUBLISHED' } },
      },
      limit: 20,
      scanIndexForward: true,
    });
  });

  it('reads byOrganizerAndDate for an organizer, trimmed', async () => {
    expect(await queryFor({ filter: { organizer: '  Cloud Guild ' } }, ADMIN)).toEqual({
      operation: 'Query',
      index: 'byOrganizerAndDate',
      query: {
        expression: '(#organizer = :organizer_eq)',
        expressionNames: { '#organizer': 'organizer' },
        expressionValues: { ':organizer_eq': { S: 'Cloud Guild' } },
      },
      limit: 20,
      scanIndexForward: true,
    });
  });

  it('reads byOrganizerAndDate for an organizer and a status, and filters the status', async () => {
    const query = await queryFor({ filter: { organizer: 'Cloud Guild', status: 'ACTIVE' } }, ADMIN);
    expect(query.index).toBe('byOrganizerAndDate');
    expect(query.query.expressionValues).toEqual({ ':organizer_eq': { S: 'Cloud Guild' } });
    expect(query.filter).toEqual({
      expression: '(#status = :status_eq)',
      expressionNames: { '#status': 'status' },
      expressionValues: { ':status_eq': { S: 'ACTIVE' } },
    });
  });
});

describe('Query.listEvents request: date ranges are sort-key conditions in UTC', () => {
  it('from and to: between', async () => {
    const query = await queryFor({ filter: { from: '2025-06-01', to: '2025-06-30T23:59:59+02:00' } }, ADMIN);
    expect(query.query).toEqual({
      expression: '(#date BETWEEN :date_between_start AND :date_between_end) AND (#itemType = :itemType_eq)',
      expressionNames: { '#date': 'date', '#itemType': 'itemType' },
      expressionValues: {
        ':date_between_start': { S: '2025-06-01T00:00:00.000Z' },
        ':date_between_end': { S: '2025-06-30T21:59:59.000Z' },
        ':itemType_eq': { S: 'EVENT' },
      },
    });
  });

  it('the same plain date as from and to: that whole day', async () => {
    const query = await queryFor({ filter: { status: 'PUBLISHED', from: '2025-06-01', to: '2025-06-01' } }, ADMIN);
    expect(query.query.expressionValues).toMatchObject({
      ':date_between_start': { S: '2025-06-01T00:00:00.000Z' },
      ':date_between_end': { S: '2025-06-01T23:59:59.999Z' },
    });
  });

  it('from only: greater or equal', async () => {
    const query = await queryFor({ filter: { status: 'PUBLISHED', from: '2025-06-01T18:30:00Z' } }, ADMIN);
    expect(query.query).toEqual({
      expression: '(#date >= :date_ge) AND (#status = :status_eq)',
      expressionNames: { '#date': 'date', '#status': 'status' },
      expressionValues: { ':date_ge': { S: '2025-06-01T18:30:00.000Z' }, ':status_eq': { S: 'PUBLISHED' } },
    });
  });

  it('to only: less or equal; a plain date includes that whole day', async () => {
    const query = await queryFor({ filter: { organizer: 'Cloud Guild', to: '2025-12-31' } }, ADMIN);
    expect(query.query).toEqual({
      expression: '(#date <= :date_le) AND (#organizer = :organizer_eq)',
      expressionNames: { '#date': 'date', '#organizer': 'organizer' },
      expressionValues: { ':date_le': { S: '2025-12-31T23:59:59.999Z' }, ':organizer_eq': { S: 'Cloud Guild' } },
    });
  });
});

describe('Query.listEvents request: pages', () => {
  it("asks for `limit` items and passes AppSync's token inside the listing's nextToken on", async () => {
    const query = await queryFor({ limit: 5, nextToken: `${listingPrefix(null)}opaque-token` }, ADMIN);
    expect(query).toMatchObject({ limit: 5, nextToken: 'opaque-token', scanIndexForward: true });
  });

  it('knows a listing by its filter as validated: dates in UTC, organizer trimmed', async () => {
    const nextToken = `${listingPrefix('PUBLISHED', 'Ada', '2025-01-01T00:00:00.000Z', '2025-01-31T23:59:59.999Z')}opaque`;
    const filter = { status: 'PUBLISHED', organizer: ' Ada ', from: '2025-01-01T01:00:00+01:00', to: '2025-01-31' };
    expect(await queryFor({ filter, nextToken }, ADMIN)).toMatchObject({ nextToken: 'opaque' });
  });

  it.each([
    ['another listing', `${listingPrefix('PUBLISHED')}opaque-token`],
    ['no listing at all', 'opaque-token'],
    ['a listing and nothing after it', listingPrefix(null)],
  ])('refuses a nextToken of %s as a ValidationError before any read', async (_, nextToken) => {
    const error = raised(await listEvents.request({ arguments: { nextToken }, identity: ADMIN }));
    expect(error.errorType).toBe('ValidationError');
    expect(error.errorInfo).toEqual({
      failures: [{ field: 'nextToken', rule: 'NEXT_TOKEN', message: 'nextToken is not one this listing returned' }],
    });
  });

  it('asks for 20 items when no limit is given, and sends no nextToken on the first page', async () => {
    const query = await queryFor({ limit: null, nextToken: null }, ADMIN);
    expect(query.limit).toBe(20);
    expect(query).not.toHaveProperty('nextToken');
  });
});

describe('Query.listEvents request: drafts only their owner and admins see', () => {
  it('an API-key caller gets no drafts: filtered out of an unfiltered listing', async () => {
    expect((await queryFor({}, API_KEY_CALLER)).filter).toEqual({
      expression: '(#status <> :status_ne)',
      expressionNames: { '#status': 'status' },
      expressionValues: { ':status_ne': { S: 'DRAFT' } },
    });
  });

  it('an API-key caller asking for DRAFT gets an empty page without a read', async () => {
    const response = await listEvents.request({ arguments: { filter: { status: 'DRAFT' } }, identity: API_KEY_CALLER });
    expect(returned(response)).toEqual({ items: [], nextToken: null });
  });

  it('an API-key caller asking for an organizer\'s DRAFT events gets an empty page too', async () => {
    const response = await listEvents.request({
      arguments: { filter: { organizer: 'Cloud Guild', status: 'DRAFT' } },
      identity: API_KEY_CALLER,
    });
    expect(returned(response)).toEqual({ items: [], nextToken: null });
  });

  it('a signed-in user sees events that are not drafts, or are their own', async () => {
    expect((await queryFor({}, OWNER)).filter).toEqual({
      expression: '((#status <> :or_0_status_ne) OR (#ownerId = :or_1_ownerId_eq))',
      expressionNames: { '#status': 'status', '#ownerId': 'ownerId' },
      expressionValues: { ':or_0_status_ne': { S: 'DRAFT' }, ':or_1_ownerId_eq': { S: 'owner-sub' } },
    });
  });

  it('a signed-in user asking for DRAFT reads the status index for their own drafts only', async () => {
    const query = await queryFor({ filter: { status: 'DRAFT' } }, OTHER_USER);
    expect(query.index).toBe('byStatusAndDate');
    expect(query.filter).toEqual({
      expression: '(#ownerId = :ownerId_eq)',
      expressionNames: { '#ownerId': 'ownerId' },
      expressionValues: { ':ownerId_eq': { S: 'other-sub' } },
    });
  });

  it("a signed-in user asking for an organizer's drafts gets the status and owner filtered together", async () => {
    const query = await queryFor({ filter: { organizer: 'Cloud Guild', status: 'DRAFT' } }, OWNER);
    expect(query.index).toBe('byOrganizerAndDate');
    expect(query.filter).toEqual({
      expression: '((#status = :and_0_status_eq) AND (#ownerId = :and_1_ownerId_eq))',
      expressionNames: { '#status': 'status', '#ownerId': 'ownerId' },
      expressionValues: { ':and_0_status_eq': { S: 'DRAFT' }, ':and_1_ownerId_eq': { S: 'owner-sub' } },
    });
  });

  it('a listing of a status other than DRAFT holds no drafts, so nothing is filtered', async () => {
    expect(await queryFor({ filter: { status: 'PUBLISHED' } }, API_KEY_CALLER)).not.toHaveProperty('filter');
    expect(await queryFor({ filter: { status: 'COMPLETED' } }, OWNER)).not.toHaveProperty('filter');
  });

  it('an admin sees every event, drafts included, with no filter', async () => {
    expect(await queryFor({}, ADMIN)).not.toHaveProperty('filter');
    expect(await queryFor({ filter: { status: 'DRAFT' } }, ADMIN)).not.toHaveProperty('filter');
    expect(await queryFor({ filter: { organizer: 'Cloud Guild' } }, ADMIN)).not.toHaveProperty('filter');
  });
});

describe('Query.listEvents request: validation', () => {
  it.each([0, 101])('refuses limit %i', async (limit) => {
    const error = raised(await listEvents.request({ arguments: { limit }, identity: OWNER }));
    expect(error.errorType).toBe('ValidationError');
    expect(error.errorInfo).toEqual({
      failures: [{ field: 'limit', rule: 'RANGE', message: 'limit must be from 1 to 100' }],
    });
  });

  it.each([1, 100])('takes limit %i', async (limit) => {
    expect((await queryFor({ limit })).limit).toBe(limit);
  });

  it('reports every bad argument at once', async () => {
    const error = raised(
      await listEvents.request({
        arguments: { limit: 500, filter: { organizer: '   ', from: '2025-02-30', to: 'tomorrow' } },
        identity: API_KEY_CALLER,
      }),
    );
    expect(error.errorType).toBe('ValidationError');
    expect(error.errorInfo).toEqual({
      failures: [
        { field: 'limit', rule: 'RANGE', message: 'limit must be from 1 to 100' },
        { field: 'filter.organizer', rule: 'LENGTH', message: 'filter.organizer must be 1 to 200 characters (after trimming)' },
        {
          field: 'filter.from',
          rule: 'ISO8601_DATE',
          message: 'filter.from must be a real calendar date in ISO 8601, e.g. 2025-06-01 or 2025-06-01T18:30:00Z',
        },
        {
          field: 'filter.to',
          rule: 'ISO8601_DATE',
          message: 'filter.to must be a real calendar date in ISO 8601, e.g. 2025-06-01 or 2025-06-01T18:30:00Z',
        },
      ],
    });
    expect(error.message).toBe(
      'Invalid input: limit must be from 1 to 100; filter.organizer must be 1 to 200 characters (after trimming); ' +
        'filter.from must be a real calendar date in ISO 8601, e.g. 2025-06-01 or 2025-06-01T18:30:00Z; ' +
        'filter.to must be a real calendar date in ISO 8601, e.g. 2025-06-01 or 2025-06-01T18:30:00Z',
    );
  });

  it('refuses a range that ends before it starts, compared in UTC', async () => {
    const error = raised(
      await listEvents.request({
        arguments: { filter: { from: '2025-06-01T10:00:00Z', to: '2025-06-01T11:00:00+02:00' } },
        identity: OWNER,
      }),
    );
    expect(error.errorInfo).toEqual({
      failures: [{ field: 'filter.to', rule: 'DATE_RANGE', message: 'filter.to must not be before filter.from' }],
    });
  });

  it('takes a range of a single moment', async () => {
    const query = await queryFor({ filter: { from: '2025-06-01T18:30:00Z', to: '2025-06-01T20:30:00+02:00' } });
    expect(query.query.expressionValues[':date_between_start']).toEqual(query.query.expressionValues[':date_between_end']);
  });

  it('validates before hiding drafts: an API-key caller asking for DRAFT with a bad limit hears about the limit', async () => {
    const error = raised(
      await listEvents.request({ arguments: { limit: 0, filter: { status: 'DRAFT' } }, identity: API_KEY_CALLER }),
    );
    expect(error.errorType).toBe('ValidationError');
  });
});

describe('Query.listEvents response', () => {
  const page = { items: [storedEvent({ eventId: 'e-1' }), storedEvent({ eventId: 'e-2' })], scannedCount: 2 };

  it("returns the page and AppSync's nextToken prefixed with the listing it belongs to", async () => {
    const response = await listEvents.response({
      arguments: {},
      identity: OWNER,
      stash: { listing: listingPrefix(null).slice(0, -1) },
      result: { ...page, nextToken: 'next' },
    });
    expect(returned(response)).toEqual({ items: page.items, nextToken: `${listingPrefix(null)}next` });
  });

  it('returns nextToken null on the last page', async () => {
    const response = await listEvents.response({ arguments: {}, identity: OWNER, result: page });
    expect(returned(response)).toEqual({ items: page.items, nextToken: null });
  });

  it('answers a nextToken DynamoDB refuses with a ValidationError naming nextToken', async () => {
    const response = await listEvents.response({
      arguments: { nextToken: 'tampered' },
      identity: OWNER,
      error: dataSourceError('UserIllegalArgumentException'),
    });
    const error = raised(response);
    expect(error.errorType).toBe('ValidationError');
    expect(error.errorInfo).toEqual({
      failures: [{ field: 'nextToken', rule: 'NEXT_TOKEN', message: 'nextToken is not one this listing returned' }],
    });
  });

  it.each([
    ['UserIllegalArgumentException without a nextToken', {}, 'UserIllegalArgumentException'],
    ['any other failure', { nextToken: 'next' }, 'InternalServerError'],
  ])('reports %s as an InternalError that reveals nothing of the table', async (_, args, exception) => {
    const response = await listEvents.response({ arguments: args, identity: OTHER_USER, error: dataSourceError(exception) });
    expectOpaqueInternalError(response);
  });
});
