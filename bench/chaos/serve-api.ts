import { startEventsApi } from '../../dev/events-api.ts';
import { createDynamoDBClient } from 'appsync-local';

// The Events API alone in a process, so that `npm run chaos` can kill it with
// SIGKILL mid-load. Arguments: the DynamoDB endpoint, the table, the API key.
// Prints its URL once it serves.

const [endpoint, tableName, apiKey] = process.argv.slice(2);
const api = await startEventsApi({
  dynamodb: createDynamoDBClient({ endpoint }),
  tableName,
  port: 0,
  apiKeys: [{ key: apiKey }],
  allowedOrigins: [],
  stage: 'dev',
  resolverTimeoutMs: 5_000,
  // the table exists; DynamoDB Local may be down when this process restarts
  ensureTable: false,
});
console.log(api.url);
