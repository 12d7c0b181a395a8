import type { Event } from '../../generated/graphql.ts';
import type { DataSourceError, Identity } from 'appsync-local';
import { ADMIN_GROUP } from '../../model/access.ts';
import { EVENT_ITEM_TYPE } from '../../model/events-table.ts';

// The callers, stored events and data-source failures resolver unit tests
// hand to EvaluateCode in `ctx`.

/** AppSync leaves `ctx.identity` empty for API_KEY authorization. */
export const API_KEY_CALLER: Identity = {};

/**
 * `ctx.identity` of a Cognito user pool caller, in the shape AppSync documents:
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js
 */
export function cognitoCaller(sub: string, groups: string[] | null = null): Identity {
  return {
    sub,
    issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example',
    username: `user-${sub}`,
    claims: { sub, 'cognito:username': `user-${sub}`, ...(groups ? { 'cognito:groups': groups } : {}) },
    sourceIp: ['203.0.113.7'],
    defaultAuthStrategy: 'ALLOW',
    groups,
  };
}

export const OWNER = cognitoCaller('owner-sub');
export const OTHER_USER = cognitoCaller('other-sub', ['staff']);
export const ADMIN = cognitoCaller('admin-sub', [ADMIN_GROUP]);

/** Fields resolved from the registrations table, or only in mutation results: never stored on the event. */
type RegistrationFields = 'confirmedCount' | 'waitlistCount' | 'remaining' | 'myRegistration' | 'previousStatus' | 'deletedAt';
export type StoredEvent = Omit<Event, RegistrationFields> & { itemType: string };

/** An event as the table holds it (and GetItem returns it), owned by OWNER. */
export function storedEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    eventId: 'e-1',
    title: 'Serverless meetup',
    description: 'Talks about AppSync and DynamoDB',
    date: '2025-06-01T18:30:00.000Z',
    location: 'Berlin',
    capacity: 120,
    organizer: 'Cloud Guild',
    status: 'PUBLISHED',
    ownerId: OWNER.sub as string,
    itemType: EVENT_ITEM_TYPE,
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

/** What DynamoDB's messages leak: table names, ARNs, key schema. None of it may reach a client. */
export const DYNAMODB_INTERNALS = 'arn:aws:dynamodb:us-east-1:111122223333:table/events-prod';

/** `ctx.error` as AppSync sets it when DynamoDB refuses a request. */
export function dataSourceError(exception: string): DataSourceError {
  return { type: `DynamoDB:${exception}`, message: `${exception} on ${DYNAMODB_INTERNALS} (key schema eventId)` };
}
