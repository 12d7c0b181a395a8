import type { TableDefinition } from './events-table.ts';

// The registrations table: seats, registrations, the waitlist and clientToken
// records. It is a second table rather than new items in the events table
// because the events table is keyed by `eventId` alone, and giving it a sort
// key would make CloudFormation replace it (the prod table is RETAINed, so the
// old one would be orphaned with its data). A second table is purely additive.
// Nothing here is projected into the events table's listing indexes, so the
// seat counters, updated on every registration, never write to them.

/** Its one partition per event holds these items, told apart by the sort key `sk`. */
export const SEATS_SORT_KEY = 'SEATS';
/**
 * Waitlist entries sort right after the seats item, in the order people
 * joined: `SEATS#WAIT#<joinedAt>#<userId>`. A Query on `begins_with(sk, 'SEATS')`
 * reads the seat counters and then the head of the waitlist, consistently.
 */
export const WAITLIST_SORT_KEY_PREFIX = 'SEATS#WAIT#';
/** A user's registration: `USER#<userId>`. */
export const REGISTRATION_SORT_KEY_PREFIX = 'USER#';
/** A clientToken record lives in a partition of its own: `CLIENT_TOKEN#<userId>#<operation>#<token>`. */
export const CLIENT_TOKEN_KEY_PREFIX = 'CLIENT_TOKEN#';
export const CLIENT_TOKEN_SORT_KEY = 'CLIENT_TOKEN';
/** Epoch seconds after which DynamoDB's TTL deletes a clientToken record. */
export const EXPIRES_AT_ATTRIBUTE = 'expiresAt';

export const registrationsTable: TableDefinition = {
  name: 'registrations',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [],
  timeToLiveAttribute: EXPIRES_AT_ATTRIBUTE,
};
