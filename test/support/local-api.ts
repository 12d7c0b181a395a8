import {
  DeleteTableCommand,
  GetItemCommand,
  QueryCommand,
  ScanCommand,
  type DynamoDBClient,
  type QueryCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  createDynamoDBClient,
  localUserPool,
  mintIdToken,
  serveCloudAssembly,
  type CognitoTokenOptions,
  type LocalUserPoolKeys,
  type UserPoolIdentity,
} from 'appsync-local';
import { sharedDynamoDBEndpoint, temporaryUserPoolKeys, uniqueTableName } from 'appsync-local/testing';
import {
  defaultRegistrationsTableName,
  EVENTS_USER_POOL,
  startEventsApi,
  type EventsApiOptions,
} from '../../dev/events-api.ts';
import { EVENTS_TABLE_ENV, REGISTRATIONS_TABLE_ENV } from '../../model/api-wiring.ts';
import { eventsTable } from '../../model/events-table.ts';
import { waitForEventsAssembly } from './events-assembly.ts';
import { graphqlClient, type GraphQLClient } from './graphql-client.ts';

// The Events API served by the local runtime over HTTP, on a table of its own
// in the shared DynamoDB Local, so test files never see each other's data.
// With `source: 'cdk.out'` the API is served from its own cloud assembly
// instead (`npx cdk synth && npx appsync-local serve`), so the tests in
// test/suites run against both.
// Tests talk to it as frontends would (a public one with the API key, signed-in
// ones with Cognito-style tokens), and read the table directly only to prove
// what was (or was not) stored.

export const TEST_API_KEY = 'da2-integration-test-key';
/** The user `api.request` signs in as. */
export const DEFAULT_USER = 'alice';

export interface LocalApi extends GraphQLClient {
  /** the server's origin, e.g. http://127.0.0.1:40123 */
  origin: string;
  tableName: string;
  /** a frontend holding only the API key */
  withApiKey: GraphQLClient;
  /** a frontend signed in as `username` (ID token in the Authorization header) */
  asUser(username: string, options?: Omit<CognitoTokenOptions, 'username'>): Promise<GraphQLClient>;
  /** a token of the local user pool, as `npm run token` prints it */
  tokenFor(username: string, options?: Omit<CognitoTokenOptions, 'username'>): Promise<string>;
  /** the item as stored in DynamoDB, or null */
  storedEvent(eventId: string): Promise<Record<string, unknown> | null>;
  storedEventCount(): Promise<number>;
  /** every item of an event's partition in the registrations table (seats, registrations, waitlist entries), read consistently */
  storedRegistrationItems(eventId: string): Promise<Record<string, any>[]>;
  /** what the real-time endpoint holds now: tests wait for a subscription to be started before they mutate */
  realtimeStats(): { connections: number; subscriptions: number };
  close(): Promise<void>;
}

type ApiOptionsTestsSet = 'stage' | 'settings' | 'apiKeys' | 'allowedOrigins' | 'resolverTimeoutMs' | 'ensureTable' | 'tls';

/** `model`: wired from model/ as `npm run dev` wires it; `cdk.out`: served from the synthesized cloud assembly */
export type LocalApiSource = 'model' | 'cdk.out';

export interface LocalApiOptions extends Partial<Pick<EventsApiOptions, ApiOptionsTestsSet>> {
  /** @default 'model' */
  source?: LocalApiSource;
  /** another DynamoDB (e.g. one that is down); its table is not created unless ensureTable says so */
  dynamodbEndpoint?: string;
}

interface StartedApi {
  url: string;
  tableName: string;
  registrationsTableName: string;
  pool: UserPoolIdentity;
  realtimeStats(): { connections: number; subscriptions: number };
  close(): Promise<void>;
}

/** Options only `npm run dev`'s wiring takes; the cloud assembly fixes them. */
const DEV_ONLY_OPTIONS = ['stage', 'settings', 'allowedOrigins', 'resolverTimeoutMs', 'dynamodbEndpoint', 'ensureTable', 'tls'] as const;

/** the DynamoDB the API uses, reached once for the API and the test's own reads */
interface Database {
  endpoint: string;
  client: DynamoDBClient;
}

async function serveFromAssembly(options: LocalApiOptions, userPoolKeys: LocalUserPoolKeys, database: Database): Promise<StartedApi> {
  const devOnly = DEV_ONLY_OPTIONS.filter((option) => options[option] !== undefined);
  if (devOnly.length > 0) {
    throw new Error(`startLocalApi: ${devOnly.join(', ')} cannot be set on the API served from its cloud assembly`);
  }
  const served = await serveCloudAssembly({
    directory: await waitForEventsAssembly(),
    dynamodbEndpoint: database.endpoint,
    tableNamePrefix: `${uniqueTableName('served')}-`,
    userPoolKeys,
    apiKeys: options.apiKeys ?? [{ key: TEST_API_KEY }],
  });
  const { userPool } = served.api;
  return {
    url: served.url,
    tableName: served.environmentVariables[EVENTS_TABLE_ENV],
    registrationsTableName: served.environmentVariables[REGISTRATIONS_TABLE_ENV],
    pool: localUserPool(userPool!.userPoolId, userPool!.clientId),
    realtimeStats: () => served.realtimeStats(),
    close: () => served.close(),
  };
}

async function startFromModel(options: LocalApiOptions, userPoolKeys: LocalUserPoolKeys, database: Database): Promise<StartedApi> {
  const tableName = uniqueTableName(eventsTable.name);
  const server = await startEventsApi({
    dynamodb: database.client,
    tableName,
    port: 0,
    apiKeys: options.apiKeys ?? [{ key: TEST_API_KEY }],
    allowedOrigins: options.allowedOrigins ?? [],
    stage: options.stage ?? 'dev',
    settings: options.settings,
    resolverTimeoutMs: options.resolverTimeoutMs,
    userPoolKeys,
    ensureTable: options.ensureTable ?? !options.dynamodbEndpoint,
    tls: options.tls,
  });
  return {
    url: server.url,
    tableName,
    registrationsTableName: defaultRegistrationsTableName(tableName),
    pool: EVENTS_USER_POOL,
    realtimeStats: () => server.realtimeStats(),
    close: () => server.close(),
  };
}

export async function startLocalApi(options: LocalApiOptions = {}): Promise<LocalApi> {
  const endpoint = options.dynamodbEndpoint ?? (await sharedDynamoDBEndpoint());
  const dynamodb = createDynamoDBClient({ endpoint });
  // the pool's key is not what these tests check (the attack matrix forges with a key of its own)
  const userPool = await temporaryUserPoolKeys({ sharedKey: true });
  const start = options.source === 'cdk.out' ? serveFromAssembly : startFromModel;
  const server = await start(options, userPool.keys, { endpoint, client: dynamodb });
  const { tableName } = server;
  const url = `${server.url}/graphql`;
  const tokenFor: LocalApi['tokenFor'] = (username, tokenOptions = {}) =>
    mintIdToken(userPool.keys, { username, pool: server.pool, ...tokenOptions });
  const asUser: LocalApi['asUser'] = async (username, tokenOptions) =>
    graphqlClient(url, { authorization: await tokenFor(username, tokenOptions) }, options.tls?.cert);
  return {
    ...(await asUser(DEFAULT_USER)),
    origin: server.url,
    tableName,
    withApiKey: graphqlClient(url, { 'x-api-key': TEST_API_KEY }, options.tls?.cert),
    asUser,
    tokenFor,
    async storedEvent(eventId) {
      const result = await dynamodb.send(
        new GetItemCommand({ TableName: tableName, Key: { eventId: { S: eventId } }, ConsistentRead: true }),
      );
      return result.Item ? unmarshall(result.Item) : null;
    },
    async storedEventCount() {
      const result = await dynamodb.send(new ScanCommand({ TableName: tableName, Select: 'COUNT', ConsistentRead: true }));
      return result.Count ?? 0;
    },
    async storedRegistrationItems(eventId) {
      const items: Record<string, any>[] = [];
      let startKey: QueryCommandOutput['LastEvaluatedKey'];
      do {
        const page = await dynamodb.send(
          new QueryCommand({
            TableName: server.registrationsTableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: eventId } },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return items;
    },
    realtimeStats: () => server.realtimeStats(),
    async close() {
      await server.close();
      await userPool.remove();
      if (!options.dynamodbEndpoint) {
        await deleteTables(dynamodb, [tableName, server.registrationsTableName]);
      }
    },
  };
}

/**
 * The API's tables go with it. Beyond tidiness: DynamoDB Local runs its TTL
 * sweeps and its index backfills on one small pool of job threads, so every
 * table with TTL left in the shared instance delays the next index backfill
 * (measured: adding an index to a table took 1 s beside 5 tables with TTL,
 * 40 s beside 30; the suite leaves one per API it starts).
 */
async function deleteTables(dynamodb: DynamoDBClient, tableNames: string[]) {
  await Promise.all(tableNames.map((TableName) => dynamodb.send(new DeleteTableCommand({ TableName }))));
}
