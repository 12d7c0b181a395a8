// Helpers for an app's tests (under vitest): keys of a throwaway local user
// pool, and table names no other test file uses.

export { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from './auth/test-support.ts';
export { sharedDynamoDBEndpoint, uniqueTableName } from './dynamodb/test-support.ts';
