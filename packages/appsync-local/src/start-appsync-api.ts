import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { authenticatorOptions, type AuthorizationConfig } from './auth/authorization-modes.ts';
import { createFieldAuthorizer } from './auth/field-authorizer.ts';
import type { InitiateAuthOptions } from './auth/initiate-auth.ts';
import { createRequestAuthenticator } from './auth/request-authenticator.ts';
import { createDynamoDBDataSource, type ReadMetrics } from './dynamodb/data-source.ts';
import { ensureTable } from './dynamodb/ensure-table.ts';
import type { TableDefinition } from './dynamodb/table-definition.ts';
import { NoneDataSource } from './engine/none-data-source.ts';
import { buildAppSyncSchema } from './graphql/build-schema.ts';
import type { RealtimeSettings } from './realtime/realtime-connection.ts';
import type { ExplorerContent } from './server/explorer.ts';
import { startLocalServer, type LocalServer } from './server/start-local-server.ts';
import type { ApiSettings, AuthMode, DataSource, ResolverDefinition } from './types.ts';

// An AppSync API served locally: its schema, data sources, resolvers and
// authorization modes, given as an app declares them, behind one HTTP server
// on 127.0.0.1 (POST /graphql, subscriptions over WebSocket at
// /graphql/realtime, and a GraphiQL explorer at /).

export type DataSourceConfig =
  | {
      type: 'AMAZON_DYNAMODB';
      /** the name resolvers are wired to */
      name: string;
      client: DynamoDBClient;
      /** the table's keys and indexes */
      table: TableDefinition;
      /** the table's name in DynamoDB; default `table.name` */
      tableName?: string;
      /** create the table, or add the indexes it lacks, before serving; default true */
      ensureTable?: boolean;
      /** sees every read DynamoDB makes (e.g. to count items read) */
      onRead?: (metrics: ReadMetrics) => void;
    }
  | { type: 'NONE'; name: string };

export interface AppSyncApiOptions {
  /** the API's schema, without AppSync's own scalars and directives (the runtime adds them) */
  schema: string;
  /** called at start and by `reloadResolvers()`: the resolvers and their checked bundles (see loadResolverDefinitions) */
  resolvers: () => ResolverDefinition[];
  dataSources: DataSourceConfig[];
  authorization: AuthorizationConfig;
  /** AppSync's limits and switches; each defaults to AppSync's own default */
  settings?: Partial<ApiSettings>;
  /** 0 picks a free port; default 0 */
  port?: number;
  /** CORS: browser origins allowed to call the API; default none (the explorer is same-origin and needs none) */
  allowedOrigins?: string[];
  explorer?: ExplorerContent;
  /** what resolver code logged (`console.*`), by resolver; default: dropped, as without CloudWatch Logs */
  onResolverLogs?: (resolver: string, lines: string[]) => void;
  /** `ctx.env`: the API's environment variables */
  environmentVariables?: Record<string, string>;
  /** answer Cognito's InitiateAuth for this local user pool, so a browser app can sign in */
  signIn?: InitiateAuthOptions;
  /** how long a resolver's data-source calls may take; default AppSync's 30 s */
  resolverTimeoutMs?: number;
  /** per resolver (`Type.field`), a deadline other than `resolverTimeoutMs` */
  resolverTimeoutsMs?: Record<string, number>;
  /** the real-time endpoint's timings and limits (keep-alive, timeouts, message size, subscriptions a connection); default AppSync's */
  realtime?: Partial<RealtimeSettings>;
  /** serve HTTPS and WSS with this certificate (PEM) instead of HTTP and WS, for clients that insist on `wss://` */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface AppSyncApi extends LocalServer {
  /** re-reads the resolvers (after a rebuild) without a restart */
  reloadResolvers(): void;
}

/**
 * AppSync's defaults: no depth limit, 10,000 resolvers a request, introspection on.
 * https://docs.aws.amazon.com/appsync/latest/APIReference/API_GraphqlApi.html
 * The body limit is the local server's own guard; AppSync has no such setting.
 */
export const APPSYNC_DEFAULT_SETTINGS: Readonly<ApiSettings> = Object.freeze({
  queryDepthLimit: Number.POSITIVE_INFINITY,
  resolverCountLimit: 10_000,
  introspection: true,
  maxRequestBodyBytes: 1024 * 1024,
});

async function createDataSource(config: DataSourceConfig): Promise<DataSource> {
  if (config.type === 'NONE') {
    return new NoneDataSource(config.name);
  }
  const tableName = config.tableName ?? config.table.name;
  if (config.ensureTable !== false) {
    await ensureTable(config.client, config.table, tableName);
  }
  return createDynamoDBDataSource({ name: config.name, client: config.client, tableName, onRead: config.onRead });
}

function explorerApiKey(authorization: AuthorizationConfig): string | undefined {
  const modes = [authorization.default, ...(authorization.additional ?? [])];
  const apiKeyMode = modes.find((mode) => mode.type === 'API_KEY');
  return apiKeyMode?.type === 'API_KEY' ? apiKeyMode.apiKeys[0]?.key : undefined;
}

export async function startAppSyncApi(options: AppSyncApiOptions): Promise<AppSyncApi> {
  // refused modes stop the start before any table is touched
  const authenticate = createRequestAuthenticator(authenticatorOptions(options.authorization));
  const dataSources = new Map<string, DataSource>();
  for (const config of options.dataSources) {
    dataSources.set(config.name, await createDataSource(config));
  }
  let resolvers = options.resolvers();
  const server = await startLocalServer({
    port: options.port ?? 0,
    schemaSDL: options.schema,
    getResolvers: () => resolvers,
    dataSources,
    authenticate,
    authorizeField: createFieldAuthorizer(
      buildAppSyncSchema(options.schema),
      options.authorization.default.type as AuthMode,
    ),
    allowedOrigins: options.allowedOrigins ?? [],
    settings: { ...APPSYNC_DEFAULT_SETTINGS, ...options.settings },
    explorerApiKey: explorerApiKey(options.authorization),
    explorer: options.explorer,
    onResolverLogs: options.onResolverLogs,
    environmentVariables: options.environmentVariables,
    signIn: options.signIn,
    resolverTimeoutMs: options.resolverTimeoutMs,
    resolverTimeoutsMs: options.resolverTimeoutsMs,
    realtime: options.realtime,
    tls: options.tls,
  });
  return {
    ...server,
    reloadResolvers() {
      resolvers = options.resolvers();
    },
  };
}
