import { createServer } from 'node:net';
import { collapseRepeats, createDynamoDBClient, SIGN_IN_PATH } from 'appsync-local';
import { buildResolverBundles } from '../scripts/build-resolvers.ts';
import { loadConfig, type LocalConfig } from './config.ts';
import { startDatabase } from './dev-database.ts';
import { EVENTS_USER_POOL, startEventsApi } from './events-api.ts';
import { loadLocalCertificate } from './local-certificate.ts';

// `npm run dev`: DynamoDB Local, the table, the resolver bundles (rebuilt on
// save) and the API with its explorer, stopped together on Ctrl-C or SIGTERM.

type Stop = () => Promise<void>;

/** DynamoDB Local gets 5 s to stop gracefully; nothing else should take long. */
const STOP_DEADLINE_MS = 10_000;

function printBanner(config: LocalConfig, url: string, realtimeUrl: string, databaseEndpoint: string | undefined) {
  console.log(`
GraphQL endpoint  ${url}/graphql
Explorer          ${url}/
Subscriptions     ${realtimeUrl}
Sign-in (Amplify) ${url}${SIGN_IN_PATH}  user pool ${EVENTS_USER_POOL.userPoolId}, client ${EVENTS_USER_POOL.clientId}
API key           ${config.apiKey}
DynamoDB          ${databaseEndpoint}${config.inMemory ? ' (in memory)' : ''}, table ${config.tableName}
Stage             ${config.stage}

Mutations need a signed-in user: \`npm run token -- --user alice\` prints a token
for the Authorization header; a browser frontend signs in with Amplify
(docs/local-runtime.md). Ctrl-C stops everything.`);
}

/** The one line that tells what to do about a failed start. */
function explain(error: unknown, config: LocalConfig | undefined): string {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && config) {
    return `port ${config.port} is in use: set PORT to a free port (e.g. PORT=4001 npm run dev)`;
  }
  return (error as Error).message;
}

/**
 * Fails with EADDRINUSE, as the API's own listen would, when the port is taken: checked before
 * DynamoDB, the bundles and the API are started (seconds of CPU) only to find it busy. Something
 * may still take the port in between; the API's listen then fails the same way.
 */
async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', resolve);
  });
  await new Promise((resolve) => probe.close(resolve));
}

/** Stops everything started so far, last started first, once. */
function stopper(stops: Stop[]) {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      for (const stop of [...stops].reverse()) {
        await stop().catch((error) => console.error(`while stopping: ${error.message}`));
      }
    })();
    return stopping;
  };
}

async function main() {
  const resolverLines = collapseRepeats((line) => console.log(line));
  const stops: Stop[] = [async () => resolverLines.flush()];
  let config: LocalConfig | undefined;
  const stopAll = stopper(stops);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: a once-listener is gone while it runs, and kill-with-parent.ts, seeing itself
    // alone, would end the process before the esbuild watch is disposed (its service then lives on)
    process.on(signal, () => {
      // whatever hangs while stopping, the process ends; its children end with it
      setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
      void stopAll().then(() => process.exit(0));
    });
  }
  try {
    config = loadConfig();
    await checkPortFree(config.port);
    const database = await startDatabase(config);
    stops.push(database.stop);
    let api: Awaited<ReturnType<typeof startEventsApi>> | undefined;
    const build = await buildResolverBundles({
      watch: true,
      onRebuild: ({ errors }) => {
        if (!api) {
          return; // the first build: a failure is thrown below
        } else if (errors.length > 0) {
          console.error(`resolver build failed, still serving the last good bundles:\n  ${errors.join('\n  ')}`);
        } else {
          api.reloadResolvers();
          console.log('resolvers rebuilt');
        }
      },
    });
    stops.push(build.stop);
    api = await startEventsApi({
      dynamodb: createDynamoDBClient({ endpoint: database.endpoint }),
      tableName: config.tableName,
      port: config.port,
      apiKeys: [{ key: config.apiKey, expiresAt: config.apiKeyExpiresAt }],
      allowedOrigins: config.allowedOrigins,
      stage: config.stage,
      resolverTimeoutMs: config.resolverTimeoutMs,
      tls: config.tls ? await loadLocalCertificate() : undefined,
      onResolverLogs: (resolver, lines) => {
        for (const line of lines) {
          resolverLines.log(`[${resolver}] ${line}`);
        }
      },
    });
    stops.push(api.close);
    printBanner(config, api.url, api.realtimeUrl, database.endpoint);
  } catch (error) {
    await stopAll();
    // expected failures (no Java, a busy port, a bad setting) carry a one-line message
    console.error(`npm run dev: ${explain(error, config)}`);
    process.exit(1);
  }
}

await main();
