import { unsupportedFailure } from '../data-source-errors.ts';
import type { OperationHandler } from './operation-context.ts';

// "Sync requests can only be made to versioned DynamoDB data sources."
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
// Versioning keeps a delta table and conflict-detection metadata that the local
// runtime does not emulate, so a Sync is answered with an error saying so.

export const sync: OperationHandler = async () => ({
  result: null,
  error: unsupportedFailure(
    'Sync needs a versioned data source (conflict detection with a delta sync table), which the local runtime does not emulate',
  ),
});
