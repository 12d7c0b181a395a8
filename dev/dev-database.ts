import { createDynamoDBClient, endpointProblem, ensureTable, superviseDynamoDBLocal } from 'appsync-local';
import { eventsTable } from '../model/events-table.ts';
import { registrationsTable } from '../model/registrations-table.ts';
import { ConfigError, type LocalConfig } from './config.ts';
import { defaultRegistrationsTableName } from './events-api.ts';

// `npm run dev`'s database: the DynamoDB at DYNAMODB_ENDPOINT once it answers,
// or a supervised DynamoDB Local of its own.

export interface StartDatabaseOptions {
  /** how long DYNAMODB_ENDPOINT may take to answer; default endpointProblem's (3 s) */
  probeTimeoutMs?: number;
}

/** The endpoint to use (undefined: the SDK's default) and how to stop what was started. */
export async function startDatabase(
  config: LocalConfig,
  { probeTimeoutMs }: StartDatabaseOptions = {},
): Promise<{ endpoint?: string; stop: () => Promise<void> }> {
  if (config.dynamodbEndpoint) {
    const problem = await endpointProblem(createDynamoDBClient({ endpoint: config.dynamodbEndpoint }), probeTimeoutMs);
    if (problem) {
      throw new ConfigError(
        `DYNAMODB_ENDPOINT is ${config.dynamodbEndpoint}, but ${problem}: start DynamoDB there, ` +
          'or unset DYNAMODB_ENDPOINT to let npm run dev start DynamoDB Local',
      );
    }
    return { endpoint: config.dynamodbEndpoint, stop: async () => {} };
  }
  return superviseDynamoDBLocal({
    inMemory: config.inMemory,
    dataDir: config.dataDir,
    log: (line) => console.error(line),
    // in memory, a restarted DynamoDB Local has no tables
    onRestarted: async (endpoint) => {
      const client = createDynamoDBClient({ endpoint });
      await ensureTable(client, eventsTable, config.tableName);
      await ensureTable(client, registrationsTable, defaultRegistrationsTableName(config.tableName));
    },
  });
}
