// Helpers for an app's tests (under vitest): keys of a throwaway local user
// pool, table names no other test file uses, and waiting for what a global
// setup starts.

export { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from './auth/test-support.ts';
export { sharedDynamoDBEndpoint, uniqueTableName } from './dynamodb/test-support.ts';
export { waitForSetupFile, type SetupFile } from './wait-for-setup-file.ts';
