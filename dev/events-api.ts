import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  loadLocalUserPoolKeys,
  loadResolverDefinitions,
  localUserPool,
  startAppSyncApi,
  type ApiKey,
  type DataSourceConfig,
  type FunctionCode,
  type LocalUserPoolKeys,
  type ReadMetrics,
  type ResolverCode,
  type TableDefinition,
} from 'appsync-local';
import { apiSettings, type ApiSettings, type Stage } from '../model/api-settings.ts';
import {
  BUNDLE_DIR,
  EVENTS_DATA_SOURCE,
  EVENTS_TABLE_ENV,
  functionBundlePath,
  NONE_DATA_SOURCE,
  functionWiring,
  REGISTRATIONS_DATA_SOURCE,
  REGISTRATIONS_TABLE_ENV,
  resolverBundlePath,
  resolverWiring,
} from '../model/api-wiring.ts';
import { eventsTable } from '../model/events-table.ts';
import { HEALTH_PROBE_BUDGET_MS } from '../model/health-probe.ts';
import type { LocalCertificate } from './local-certificate.ts';
import { fromProjectRoot, PROJECT_ROOT } from '../model/project-paths.ts';
import { registrationsTable } from '../model/registrations-table.ts';
import { readSchema } from '../model/schema-source.ts';

// The Events API as appsync-local serves it: the table from the shared
// definition, the compiled bundles wired as in the cloud, the same auth modes
// and limits as the cloud stack, one HTTP server. `npm run dev`, the
// integration tests and the benchmark all start it here.

/**
 * The local stand-in for the Events API's user pool and its web client. Its
 * ids are fixed and documented, so tokens minted by `npm run token` keep
 * working across restarts.
 */
export const EVENTS_USER_POOL = localUserPool('local_EventsUserPool', 'local-events-client');

/** Where the local user pool's signing key lives (gitignored). */
export const USER_POOL_KEYS_DIR = fromProjectRoot('.local/auth');

const EXPLORER_QUERY = `# Lists the first page of events.
{
  listEvents {
    items {
      eventId
      title
      date
      status
    }
    nextToken
  }
}
`;

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
  /** a certificate: the server answers https:// and wss://, as Amplify JS v6 subscribes on wss:// (dev/local-certificate.ts) */
  tls?: LocalCertificate;
}

/** The registrations table that goes with an events table, unless named otherwise. */
export function defaultRegistrationsTableName(eventsTableName: string): string {
  return `${eventsTableName}-${registrationsTable.name}`;
}

/** The Events wiring with the bundle each resolver and function runs. */
export function eventsResolverCode(bundleDir = BUNDLE_DIR): { resolvers: ResolverCode[]; functions: FunctionCode[] } {
  return {
    resolvers: resolverWiring.map((wiring) => ({ ...wiring, codeFile: resolverBundlePath(wiring, bundleDir) })),
    functions: functionWiring.map((fn) => ({ ...fn, codeFile: functionBundlePath(fn.name, bundleDir) })),
  };
}

/** Reads and checks the Events API's bundles, as `npm run build` wrote them. */
export function loadEventsResolvers(bundleDir = BUNDLE_DIR) {
  const { resolvers, functions } = eventsResolverCode(bundleDir);
  return loadResolverDefinitions(resolvers, functions, { root: PROJECT_ROOT, missingBundleHint: 'run npm run build' });
}

export async function startEventsApi(options: EventsApiOptions) {
  const userPoolKeys = options.userPoolKeys ?? (await loadLocalUserPoolKeys({ directory: USER_POOL_KEYS_DIR }));
  const registrationsTableName = options.registrationsTableName ?? defaultRegistrationsTableName(options.tableName);
  const dynamoDBDataSource = (name: string, table: TableDefinition, tableName: string): DataSourceConfig => ({
    type: 'AMAZON_DYNAMODB',
    name,
    client: options.dynamodb,
    table,
    tableName,
    ensureTable: options.ensureTable,
    onRead: options.onRead,
  });
  return startAppSyncApi({
    schema: readSchema(),
    resolvers: () => loadEventsResolvers(options.bundleDir),
    dataSources: [
      dynamoDBDataSource(EVENTS_DATA_SOURCE, eventsTable, options.tableName),
      dynamoDBDataSource(REGISTRATIONS_DATA_SOURCE, registrationsTable, registrationsTableName),
      { type: 'NONE', name: NONE_DATA_SOURCE },
    ],
    // as the cloud stack sets them: transactions name their tables
    environmentVariables: {
      [EVENTS_TABLE_ENV]: options.tableName,
      [REGISTRATIONS_TABLE_ENV]: registrationsTableName,
    },
    // as in the cloud stack: API keys by default, Cognito user pools where the schema says so
    authorization: {
      default: { type: 'API_KEY', apiKeys: options.apiKeys },
      additional: [{ type: 'AMAZON_COGNITO_USER_POOLS', userPool: EVENTS_USER_POOL, jwks: userPoolKeys.jwks }],
    },
    signIn: { pool: EVENTS_USER_POOL, signer: userPoolKeys },
    settings: { ...apiSettings(options.stage), ...options.settings },
    port: options.port,
    allowedOrigins: options.allowedOrigins,
    explorer: { title: 'Events API explorer', defaultQuery: EXPLORER_QUERY },
    onResolverLogs: options.onResolverLogs,
    resolverTimeoutMs: options.resolverTimeoutMs,
    tls: options.tls,
    // health answers DEGRADED within its budget when DynamoDB does not answer at all
    resolverTimeoutsMs: { 'Query.health': HEALTH_PROBE_BUDGET_MS },
  });
}
