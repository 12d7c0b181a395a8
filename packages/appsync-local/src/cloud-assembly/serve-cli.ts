import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLocalUserPoolKeys } from '../auth/local-jwks.ts';
import { localUserPool } from '../auth/local-user-pool.ts';
import { createDynamoDBClient } from '../dynamodb/client.ts';
import { startDynamoDBLocal } from '../dynamodb/dynamodb-local.ts';
import { loadResolverDefinitions } from '../resolver-definitions.ts';
import { startAppSyncApi, type DataSourceConfig } from '../start-appsync-api.ts';
import type { AuthorizationMode, AuthorizationType } from '../auth/authorization-modes.ts';
import type { StackApi } from './api-from-stack.ts';
import { pickApi, STATE_DIR, UsageError } from './pick-api.ts';

// `appsync-local serve [DIR] [--port N] [--api NAME] [--stack NAME]` serves
// an AppSync API of a CDK cloud assembly (DIR, default cdk.out) on DynamoDB
// Local, whose data it keeps in .appsync-local/dynamodb (DYNAMODB_ENDPOINT
// points it at another DynamoDB). The local user pool's key is kept in
// .appsync-local/auth.

const USAGE = 'usage: appsync-local serve [DIR] [--port N] [--api NAME] [--stack NAME]';

async function authorizationMode(type: AuthorizationType, api: StackApi): Promise<AuthorizationMode> {
  if (type === 'API_KEY') {
    return { type, apiKeys: api.apiKeys };
  }
  if (type === 'AMAZON_COGNITO_USER_POOLS' && api.userPool) {
    const keys = await loadLocalUserPoolKeys({ directory: resolve(STATE_DIR, 'auth') });
    return { type, userPool: localUserPool(api.userPool.userPoolId, api.userPool.clientId), jwks: keys.jwks };
  }
  return { type } as AuthorizationMode;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '4000' }, api: { type: 'string' }, stack: { type: 'string' } },
  });
  const directory = resolve(positionals[0] ?? 'cdk.out');
  const api = pickApi(directory, values.stack, values.api);
  if (api.unsupported.length > 0) {
    console.error(`appsync-local cannot serve ${api.name}; not emulated:\n  ${api.unsupported.join('\n  ')}`);
    return 1;
  }
  const database = process.env.DYNAMODB_ENDPOINT
    ? { endpoint: process.env.DYNAMODB_ENDPOINT, stop: async () => {} }
    : await startDynamoDBLocal({ dataDir: resolve(STATE_DIR, 'dynamodb') });
  const client = createDynamoDBClient({ endpoint: database.endpoint });
  const dataSources: DataSourceConfig[] = [
    ...api.tables.map(({ dataSource, table }): DataSourceConfig => ({ type: 'AMAZON_DYNAMODB', name: dataSource, client, table })),
    ...api.noneDataSources.map((name): DataSourceConfig => ({ type: 'NONE', name })),
  ];
  const server = await startAppSyncApi({
    schema: api.schema,
    resolvers: () => loadResolverDefinitions(api.resolvers, api.functions),
    dataSources,
    authorization: {
      default: await authorizationMode(api.defaultAuth, api),
      additional: await Promise.all(api.additionalAuth.map((type) => authorizationMode(type, api))),
    },
    settings: api.settings,
    port: Number(values.port),
    explorer: { title: api.name },
    onResolverLogs: (resolver, lines) => lines.forEach((line) => console.log(`[${resolver}] ${line}`)),
  });
  const stop = async () => {
    await server.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`
${api.name} from ${directory}
GraphQL endpoint  ${server.url}/graphql
Subscriptions     ${server.realtimeUrl}
Explorer          ${server.url}/${api.apiKeys.length > 0 ? `\nAPI key           ${api.apiKeys[0].key}` : ''}${
    api.userPool ? `\nUser pool         ${api.userPool.userPoolId} (client ${api.userPool.clientId})` : ''
  }
DynamoDB          ${database.endpoint}, tables ${api.tables.map(({ table }) => table.name).join(', ') || 'none'}`);
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
