import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDynamoDBClient } from '../dynamodb/client.ts';
import { startDynamoDBLocal } from '../dynamodb/dynamodb-local.ts';
import { loadResolverDefinitions } from '../resolver-definitions.ts';
import { startAppSyncApi } from '../start-appsync-api.ts';
import { pickApi, STATE_DIR, UsageError } from './pick-api.ts';
import { servedAuthorization } from './serve-authorization.ts';
import { dataSourceBanner, stackDataSources } from './stack-data-sources.ts';

// `appsync-local serve [DIR] [--port N] [--api NAME] [--stack NAME]
// [--http-endpoint DATASOURCE=URL]...` serves an AppSync API of a CDK cloud
// assembly (DIR, default cdk.out) on DynamoDB Local (started when the API has
// tables), whose data it keeps in .appsync-local/dynamodb (DYNAMODB_ENDPOINT
// points it at another DynamoDB). The local user pool's key is kept in
// .appsync-local/auth, with the local IAM user's credentials and the local
// OIDC issuer's key (see serve-authorization.ts).

const USAGE =
  'usage: appsync-local serve [DIR] [--port N] [--api NAME] [--stack NAME] [--http-endpoint DATASOURCE=URL]...';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4000' },
      api: { type: 'string' },
      stack: { type: 'string' },
      'http-endpoint': { type: 'string', multiple: true },
    },
  });
  const directory = resolve(positionals[0] ?? 'cdk.out');
  const api = pickApi(directory, values.stack, values.api);
  if (api.unsupported.length > 0) {
    console.error(`appsync-local cannot serve ${api.name}; not emulated:\n  ${api.unsupported.join('\n  ')}`);
    return 1;
  }
  // checked before DynamoDB Local starts
  stackDataSources(api, undefined, values['http-endpoint']);
  const database =
    api.tables.length === 0
      ? undefined
      : process.env.DYNAMODB_ENDPOINT
        ? { endpoint: process.env.DYNAMODB_ENDPOINT, stop: async () => {} }
        : await startDynamoDBLocal({ dataDir: resolve(STATE_DIR, 'dynamodb') });
  const dynamodb = database && { client: createDynamoDBClient({ endpoint: database.endpoint }), endpoint: database.endpoint };
  const dataSources = stackDataSources(api, dynamodb, values['http-endpoint']);
  const authorization = await servedAuthorization(api, resolve(STATE_DIR, 'auth'));
  const server = await startAppSyncApi({
    schema: api.schema,
    resolvers: () => loadResolverDefinitions(api.resolvers, api.functions),
    dataSources,
    authorization: authorization.config,
    settings: api.settings,
    port: Number(values.port),
    explorer: { title: api.name },
    onResolverLogs: (resolver, lines) => lines.forEach((line) => console.log(`[${resolver}] ${line}`)),
  });
  const stop = async () => {
    await server.close();
    await database?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const banner = [
    '',
    `${api.name} from ${directory}`,
    `GraphQL endpoint  ${server.url}/graphql`,
    `Subscriptions     ${server.realtimeUrl}`,
    `Explorer          ${server.url}/`,
    ...authorization.banner(server.url),
    ...(database ? [`DynamoDB          ${database.endpoint}, tables ${api.tables.map(({ table }) => table.name).join(', ')}`] : []),
    ...dataSourceBanner(dataSources),
  ];
  console.log(banner.join('\n'));
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) {
      process.exit(code);
    }
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof UsageError ? `${message}\n${USAGE}` : `appsync-local serve: ${message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
