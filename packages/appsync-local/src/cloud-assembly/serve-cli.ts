import { resolve } from 'node:path';
import { startDynamoDBLocal, type DynamoDBLocal } from '../dynamodb/dynamodb-local.ts';
import { keepLanguageChecksIn } from '../runtime/check-cache.ts';
import { pickServableApi, STATE_DIR, UnsupportedApiError, UsageError } from './pick-api.ts';
import { checkHttpEndpoints } from './stack-data-sources.ts';
import type { ServedAssembly } from './serve-assembly.ts';
import { configuredDynamoDBEndpoint, parseServeArguments, readTlsFiles, SERVE_USAGE } from './serve-options.ts';

// `appsync-local serve [DIR] [--port N] [--api NAME] [--stack NAME]
// [--seed TABLE=FILE.json]... [--http-endpoint DATASOURCE=URL]...
// [--tls-cert FILE --tls-key FILE] [--watch]` serves an AppSync API of a CDK cloud assembly (DIR, default cdk.out) on
// DynamoDB Local, whose data it keeps in .appsync-local/dynamodb
// (DYNAMODB_ENDPOINT points it at another DynamoDB). The local user pool's
// key, the local IAM user's credentials and the local OIDC issuer's key are
// kept in .appsync-local/auth (see serve-authorization.ts), the findings of
// the resolvers' language check in .appsync-local/checked-bundles.

/**
 * DynamoDB Local for a developer: the C1 compiler alone and the serial
 * collector start its JVM in about half the time (measured: 5.0–8.2 s
 * instead of 18–21 s on a loaded 2-core machine); peak speed matters little
 * to one developer's requests.
 */
const FAST_START_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

function printBanner(served: ServedAssembly, directory: string, databaseEndpoint: string | undefined) {
  const tables = Object.values(served.tableNames);
  const { api, url } = served;
  const lines = [
    '',
    `${api.name} from ${directory}`,
    `GraphQL endpoint  ${url}/graphql`,
    `Subscriptions     ${served.realtimeUrl}`,
    `Explorer          ${url}/`,
    ...served.bannerLines,
    tables.length > 0 ? `DynamoDB          ${databaseEndpoint}, tables ${tables.join(', ')}` : 'DynamoDB          not started (the API has no tables)',
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const { directory, port, seeds, watch, tls, ...picking } = parseServeArguments(process.argv.slice(2));
  const tlsFiles = tls && readTlsFiles(tls);
  const options = { directory, ...picking };
  // refusals and usage errors come before DynamoDB Local starts; the resolvers compile while its JVM starts
  const api = pickServableApi(options);
  checkHttpEndpoints(api, options.httpEndpoints);
  keepLanguageChecksIn(resolve(STATE_DIR, 'checked-bundles'));
  const configured = configuredDynamoDBEndpoint(process.env);
  // started only for an API with tables: now, or when a reload (--watch) brings the first ones
  let database: Promise<DynamoDBLocal> | undefined;
  const endpoint = async () =>
    configured ??
    (await (database ??= startDynamoDBLocal({ dataDir: resolve(STATE_DIR, 'dynamodb'), jvmOptions: FAST_START_JVM_OPTIONS }))).endpoint;
  if (api.localTables.length > 0) {
    void endpoint().catch(() => {}); // serving awaits it, and reports its failure
  }
  let served: ServedAssembly;
  try {
    // the server's modules (GraphQL, the AWS SDK, the bundle checker) load once the JVM is on its way
    const { serveCloudAssembly } = await import('./serve-assembly.ts');
    served = await serveCloudAssembly(
      {
        ...options,
        port,
        dynamodbEndpoint: endpoint,
        seeds,
        watch,
        tls: tlsFiles,
        onResolverLogs: (resolver, lines) => lines.forEach((line) => console.log(`[${resolver}] ${line}`)),
        log: (line) => console.error(line),
      },
      api,
    );
  } catch (error) {
    await database?.then((local) => local.stop(), () => {});
    throw error;
  }
  const stop = async () => {
    await served.close();
    await (await database)?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  printBanner(served, directory, Object.keys(served.tableNames).length > 0 ? await endpoint() : undefined);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    console.error(`${message}\n${SERVE_USAGE}`);
  } else {
    console.error(error instanceof UnsupportedApiError ? message : `appsync-local serve: ${message}`);
  }
  process.exit(error instanceof UsageError ? 2 : 1);
});
