import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { apiSettings, type ApiSettings, type Stage } from '../model/api-settings.ts';
import {
  BUNDLE_DIR,
  EVENTS_DATA_SOURCE,
  EVENTS_TABLE_ENV,
  functionWiring,
  REGISTRATIONS_DATA_SOURCE,
  REGISTRATIONS_TABLE_ENV,
  resolverWiring,
} from '../model/api-wiring.ts';
import { buildAppSyncSchema } from '../model/check-wiring.ts';
import { eventsTable } from '../model/events-table.ts';
import { HEALTH_PROBE_BUDGET_MS } from '../model/health-probe.ts';
import { fromProjectRoot } from '../model/project-paths.ts';
import { registrationsTable } from '../model/registrations-table.ts';
import { readAppSyncPrelude, readSchema } from '../model/schema-source.ts';
import type { ApiKey } from '../packages/appsync-local/src/auth/api-key-authenticator.ts';
import { createFieldAuthorizer } from '../packages/appsync-local/src/auth/field-authorizer.ts';
import { loadLocalUserPoolKeys, type LocalUserPoolKeys } from '../packages/appsync-local/src/auth/local-jwks.ts';
import { LOCAL_USER_POOL } from '../packages/appsync-local/src/auth/local-user-pool.ts';
import { createRequestAuthenticator } from '../packages/appsync-local/src/auth/request-authenticator.ts';
import { createDynamoDBDataSource, type ReadMetrics } from '../packages/appsync-local/src/dynamodb/data-source.ts';
import { ensureTable } from '../packages/appsync-local/src/dynamodb/ensure-table.ts';
import { loadResolverDefinitions } from '../packages/appsync-local/src/resolver-definitions.ts';
import { startLocalServer } from '../packages/appsync-local/src/server/start-local-server.ts';

// The Events API as the local runtime serves it: the table from the shared
// definition, the compiled bundles wired as in the cloud, the same auth modes
// and limits as the cloud stack, one HTTP server. `npm run dev`, the
// integration tests and the benchmark all start it here.

export interface EventsApiOptions {
  dynamodb: DynamoDBClient;
  tableName: string;
  /** the registrations table's name; default `<tableName>-registrations` */
  registrationsTableName?: string;
  /** 0 picks a free port */
  port: number;
  /** API_KEY mode, the default: the keys clients may send in `x-api-key` */
  apiKeys: ApiKey[];
  /** CORS: browser origins allowed to call the API */
  allowedOrigins: string[];
  /** selects the limits and introspection setting, as in the cloud stack */
  stage: Stage;
  /** overrides the stage's limits (tests use low ones to reach them) */
  settings?: Partial<ApiSettings>;
  /** the local user pool's keys (AMAZON_COGNITO_USER_POOLS mode); default: the project's, in .local/auth */
  userPoolKeys?: LocalUserPoolKeys;
  /** where the compiled bundles are; default build/appsync */
  bundleDir?: string;
  /** sees every read the data source makes (the benchmark counts items read) */
  onRead?: (metrics: ReadMetrics) => void;
  /** create or update the table first; default true */
  ensureTable?: boolean;
  /** what resolver code logged (`console.*`), by resolver; default: dropped */
  onResolverLogs?: (resolver: string, lines: string[]) => void;
  /** how long a resolver's data-source calls may take; default AppSync's 30 s */
  resolverTimeoutMs?: number;
}

/** As in the cloud stack: API keys by default, Cognito user pools where the schema says so. */
const DEFAULT_AUTH_MODE = 'API_KEY';

/** The registrations table that goes with an events table, unless named otherwise. */
export function defaultRegistrationsTableName(eventsTableName: string): string {
  return `${eventsTableName}-${registrationsTable.name}`;
}

export async function startEventsApi(options: EventsApiOptions) {
  const registrationsTableName = options.registrationsTableName ?? defaultRegistrationsTableName(options.tableName);
  if (options.ensureTable !== false) {
    await ensureTable(options.dynamodb, eventsTable, options.tableName);
    await ensureTable(options.dynamodb, registrationsTable, registrationsTableName);
  }
  const dataSource = (name: string, tableName: string) =>
    createDynamoDBDataSource({ name, client: options.dynamodb, tableName, onRead: options.onRead });
  const bundleDir = fromProjectRoot(options.bundleDir ?? BUNDLE_DIR);
  const loadResolvers = () => loadResolverDefinitions(bundleDir, resolverWiring, functionWiring);
  let resolvers = loadResolvers();
  const userPoolKeys = options.userPoolKeys ?? (await loadLocalUserPoolKeys());
  const schemaSDL = readSchema();
  const server = await startLocalServer({
    port: options.port,
    schemaSDL,
    getResolvers: () => resolvers,
    dataSources: new Map([
      [EVENTS_DATA_SOURCE, dataSource(EVENTS_DATA_SOURCE, options.tableName)],
      [REGISTRATIONS_DATA_SOURCE, dataSource(REGISTRATIONS_DATA_SOURCE, registrationsTableName)],
    ]),
    // as the cloud stack sets them: transactions name their tables
    environmentVariables: {
      [EVENTS_TABLE_ENV]: options.tableName,
      [REGISTRATIONS_TABLE_ENV]: registrationsTableName,
    },
    authenticate: createRequestAuthenticator({
      apiKeys: options.apiKeys,
      cognito: { pool: LOCAL_USER_POOL, jwks: userPoolKeys.jwks },
    }),
    authorizeField: createFieldAuthorizer(buildAppSyncSchema(readAppSyncPrelude(), schemaSDL), DEFAULT_AUTH_MODE),
    allowedOrigins: options.allowedOrigins,
    settings: { ...apiSettings(options.stage), ...options.settings },
    explorerApiKey: options.apiKeys[0]?.key,
    signIn: { pool: LOCAL_USER_POOL, signer: userPoolKeys },
    onResolverLogs: options.onResolverLogs,
    resolverTimeoutMs: options.resolverTimeoutMs,
    // health answers DEGRADED within its budget when DynamoDB does not answer at all
    resolverTimeoutsMs: { 'Query.health': HEALTH_PROBE_BUDGET_MS },
  });
  return {
    ...server,
    /** picks up rebuilt bundles without a restart */
    reloadResolvers() {
      resolvers = loadResolvers();
    },
  };
}
