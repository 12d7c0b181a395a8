import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { resolve } from 'node:path';
import type { ApiKey } from '../auth/api-key-authenticator.ts';
import type { LocalUserPoolKeys } from '../auth/local-jwks.ts';
import { createDynamoDBClient } from '../dynamodb/client.ts';
import { ensureTable } from '../dynamodb/ensure-table.ts';
import { loadResolverDefinitions } from '../resolver-definitions.ts';
import { startAppSyncApi, type AppSyncApi } from '../start-appsync-api.ts';
import type { StackApi } from './api-from-stack.ts';
import { pickServableApi, STATE_DIR } from './pick-api.ts';
import { seedItems, seedTable, type Seed } from './seed-tables.ts';
import { servedAuthorization } from './serve-authorization.ts';
import { dataSourceBanner, stackDataSources } from './stack-data-sources.ts';
import { watchAssembly } from './watch-assembly.ts';

// An AppSync API of a cloud assembly served locally: the API picked from the
// assembly, its tables created (and seeded) in DynamoDB, its resolvers
// checked and compiled, one HTTP server. `appsync-local serve` runs it; tests
// run it in-process. With `watch`, a new `cdk synth` restarts the API on the
// same port, reading the assembly again; the tables and their data stay.
// DynamoDB is reached only for an API with tables.

export interface ServeAssemblyOptions {
  /** the cloud assembly's directory (`cdk.out`) */
  directory: string;
  /** pick the API among those of this stack (or Stage) */
  stack?: string;
  /** pick the API by name or logical id */
  api?: string;
  /** 0 picks a free port; default 0 */
  port?: number;
  /** `DATASOURCE=URL`: an HTTP data source's endpoint instead of the template's */
  httpEndpoints?: readonly string[];
  /**
   * the DynamoDB the tables live in; may still be starting (the API is read
   * meanwhile); as a function, called only once an API with tables is served
   * (an API without tables needs no DynamoDB, until a reload brings tables)
   */
  dynamodbEndpoint: string | Promise<string> | (() => Promise<string>);
  seeds?: Seed[];
  /** put before each table's name in DynamoDB (tests sharing one DynamoDB Local); default none */
  tableNamePrefix?: string;
  /** where the local user pool's key is kept (in `auth/`); default .appsync-local */
  stateDir?: string;
  /** the local user pool's keys; default those in `<stateDir>/auth` */
  userPoolKeys?: LocalUserPoolKeys;
  /** API keys to accept instead of the template's stand-ins (whose real values exist only once deployed) */
  apiKeys?: ApiKey[];
  /** re-read the assembly whenever `cdk synth` rewrites its manifest.json */
  watch?: boolean;
  /** a certificate and its key (PEM): serve `https://` and `wss://` (what Amplify JS opens) instead of `http://` and `ws://` */
  tls?: { key: string | Buffer; cert: string | Buffer };
  onResolverLogs?: (resolver: string, lines: string[]) => void;
  /** what serving reports (seeds loaded, reloads, a reload's failure); default dropped */
  log?: (line: string) => void;
}

export interface ServedAssembly {
  /** the API as read from the assembly (the last one read, with `watch`) */
  readonly api: StackApi;
  /** `http://127.0.0.1:<port>` (`https://` with `tls`) */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/graphql/realtime` (`wss://` with `tls`) */
  readonly realtimeUrl: string;
  /** `Label  value` lines saying how to call each auth mode and where each Lambda, HTTP and EventBridge data source goes */
  readonly bannerLines: string[];
  /** the name each table the API reaches has in DynamoDB, by logical id */
  readonly tableNames: Record<string, string>;
  /** `ctx.env` as served: a table's name is its name in DynamoDB */
  readonly environmentVariables: Record<string, string>;
  /** the WebSocket connections open, and the subscriptions on them */
  realtimeStats(): { connections: number; subscriptions: number };
  /** reads the assembly again and restarts the API on the same port */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Serves the API the options pick; `picked` is that API when the caller has read it already. */
export async function serveCloudAssembly(
  options: ServeAssemblyOptions,
  picked: StackApi = pickServableApi(options),
): Promise<ServedAssembly> {
  const log = options.log ?? (() => {});
  const prefix = options.tableNamePrefix ?? '';
  const localTableName = (tableName: string) => `${prefix}${tableName}`;
  const stateDir = options.stateDir ?? STATE_DIR;
  // reading the assembly and compiling the resolvers run while DynamoDB Local may still be starting
  let api = picked;
  let resolvers = loadResolverDefinitions(api.resolvers, api.functions);
  const seedTargets = (options.seeds ?? []).map((seed) => ({ seed, table: seedTable(seed, api.localTables) }));
  const { dynamodbEndpoint } = options;
  let dynamodb: Promise<{ client: DynamoDBClient; endpoint: string }> | undefined;
  /** The DynamoDB of the tables, reached (and with a function, started) the first time an API has tables. */
  const localDynamoDB = () =>
    (dynamodb ??= Promise.resolve(typeof dynamodbEndpoint === 'function' ? dynamodbEndpoint() : dynamodbEndpoint).then((endpoint) => ({
      endpoint,
      client: createDynamoDBClient({ endpoint }),
    })));
  let bannerLines: string[] = [];

  const servedEnvironment = (served: StackApi) => {
    const tableNames = new Set(served.localTables.map((table) => table.tableName));
    return Object.fromEntries(
      Object.entries(served.environmentVariables).map(([name, value]) => [name, tableNames.has(value) ? localTableName(value) : value]),
    );
  };

  async function start(port: number): Promise<AppSyncApi> {
    const served = { api: { ...api, ...(options.apiKeys ? { apiKeys: options.apiKeys } : {}) }, resolvers };
    const database = served.api.localTables.length > 0 ? await localDynamoDB() : undefined;
    await Promise.all(
      served.api.localTables.map(({ definition, tableName }) => ensureTable(database!.client, definition, localTableName(tableName))),
    );
    const dataSources = stackDataSources(served.api, database && { ...database, localTableName }, options.httpEndpoints);
    const authorization = await servedAuthorization(served.api, resolve(stateDir, 'auth'), options.userPoolKeys);
    const server = await startAppSyncApi({
      schema: served.api.schema,
      resolvers: () => served.resolvers,
      dataSources,
      authorization: authorization.config,
      settings: served.api.settings,
      environmentVariables: servedEnvironment(served.api),
      port,
      tls: options.tls,
      explorer: { title: served.api.name },
      onResolverLogs: options.onResolverLogs,
    });
    bannerLines = [...authorization.banner(server.url), ...dataSourceBanner(dataSources)];
    return server;
  }

  let server = await start(options.port ?? 0);
  for (const { seed, table } of seedTargets) {
    const count = await seedItems((await localDynamoDB()).client, localTableName(table.tableName), seed.file);
    log(`seeded ${table.logicalId} (${localTableName(table.tableName)}) with ${count} items from ${seed.file}`);
  }
  let reloading = Promise.resolve();
  async function reload() {
    // a broken assembly or bundle throws here, before the running API is stopped
    const next = pickServableApi(options);
    const nextResolvers = loadResolverDefinitions(next.resolvers, next.functions);
    [api, resolvers] = [next, nextResolvers];
    await server.close();
    server = await start(server.port);
    log(`reloaded ${api.name} from ${options.directory}`);
  }
  const watcher = options.watch
    ? watchAssembly(options.directory, () => {
        reloading = reloading.then(reload).catch((error: unknown) => {
          log(`not reloaded, still serving the previous assembly: ${error instanceof Error ? error.message : String(error)}`);
        });
      })
    : undefined;
  return {
    get api() {
      return api;
    },
    get url() {
      return server.url;
    },
    get realtimeUrl() {
      return server.realtimeUrl;
    },
    get bannerLines() {
      return bannerLines;
    },
    get environmentVariables() {
      return servedEnvironment(api);
    },
    get tableNames() {
      return Object.fromEntries(api.localTables.map((table) => [table.logicalId, localTableName(table.tableName)]));
    },
    realtimeStats: () => server.realtimeStats(),
    reload: () => (reloading = reloading.then(reload)),
    async close() {
      watcher?.close();
      await reloading.catch(() => {});
      await server.close();
    },
  };
}
