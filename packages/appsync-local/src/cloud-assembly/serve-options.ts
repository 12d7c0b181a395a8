import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './pick-api.ts';
import { parseSeed, type Seed } from './seed-tables.ts';

// The command line of `appsync-local serve`, read into what serve-cli.ts
// needs; kept apart from it so that tests can read one without starting
// DynamoDB Local.

export const SERVE_USAGE =
  'usage: appsync-local serve [DIR] [--port N] [--api NAME] [--stack NAME] [--seed TABLE=FILE.json]... [--http-endpoint DATASOURCE=URL]... [--tls-cert FILE --tls-key FILE] [--watch]';

export interface ServeArguments {
  /** the cloud assembly, resolved; default ./cdk.out */
  directory: string;
  port: number;
  api?: string;
  stack?: string;
  seeds: Seed[];
  httpEndpoints: string[];
  watch: boolean;
  /** PEM files of a certificate and its key: serve https:// and wss:// */
  tls?: { certFile: string; keyFile: string };
}

export function parseServeArguments(args: string[]): ServeArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '4000' },
        api: { type: 'string' },
        stack: { type: 'string' },
        seed: { type: 'string', multiple: true, default: [] },
        'http-endpoint': { type: 'string', multiple: true, default: [] },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        watch: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port ${values.port}: expected a port number`);
  }
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together: a certificate and its private key, PEM');
  }
  return {
    directory: resolve(positionals[0] ?? 'cdk.out'),
    port,
    api: values.api,
    stack: values.stack,
    seeds: values.seed.map(parseSeed),
    httpEndpoints: values['http-endpoint'],
    watch: values.watch,
    ...(certFile && keyFile ? { tls: { certFile: resolve(certFile), keyFile: resolve(keyFile) } } : {}),
  };
}

/** The certificate and key `--tls-cert` and `--tls-key` name, as startAppSyncApi's `tls` takes them. */
export function readTlsFiles(files: { certFile: string; keyFile: string }): { cert: string; key: string } {
  const read = (option: string, file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`${option} ${file}: cannot be read`);
    }
  };
  return { cert: read('--tls-cert', files.certFile), key: read('--tls-key', files.keyFile) };
}

/**
 * The DynamoDB `serve` uses instead of starting DynamoDB Local: DYNAMODB_ENDPOINT,
 * where an empty value counts as unset (as `DYNAMODB_ENDPOINT= appsync-local serve`
 * means), so it never falls through to the AWS SDK's default, the real DynamoDB.
 */
export function configuredDynamoDBEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  return env.DYNAMODB_ENDPOINT?.trim() || undefined;
}
