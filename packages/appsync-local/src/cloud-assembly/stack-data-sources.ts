import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_SIGNING_CREDENTIALS } from '../http/sigv4-signer.ts';
import type { DataSourceConfig } from '../start-appsync-api.ts';
import type { StackApi } from './api-from-stack.ts';
import { UsageError } from './pick-api.ts';

// The data sources `serve` gives startAppSyncApi for an API of a stack, with
// the endpoints of HTTP data sources replaced as `--http-endpoint NAME=URL`
// asks (an endpoint on AWS is rarely what a local run should call), and the
// banner lines that say where each one goes.

/** `NAME=URL` options as a map, each NAME an HTTP data source of the API. */
function endpointOverrides(options: readonly string[], httpNames: string[]): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const option of options) {
    const equals = option.indexOf('=');
    const name = option.slice(0, equals);
    const url = option.slice(equals + 1);
    if (equals <= 0 || !URL.canParse(url)) {
      throw new UsageError(`--http-endpoint takes DATASOURCE=URL, not ${option}`);
    }
    if (!httpNames.includes(name)) {
      throw new UsageError(`--http-endpoint ${name}: the API's HTTP data sources are ${httpNames.join(', ') || 'none'}`);
    }
    overrides.set(name, url);
  }
  return overrides;
}

export function stackDataSources(
  api: StackApi,
  dynamodb: DynamoDBClient | undefined,
  httpEndpoints: readonly string[] = [],
): DataSourceConfig[] {
  const httpNames = api.serviceDataSources.filter((config) => config.type === 'HTTP').map((config) => config.name);
  const overrides = endpointOverrides(httpEndpoints, httpNames);
  return [
    ...api.tables.map(({ dataSource, table }): DataSourceConfig => ({ type: 'AMAZON_DYNAMODB', name: dataSource, client: dynamodb!, table })),
    ...api.noneDataSources.map((name): DataSourceConfig => ({ type: 'NONE', name })),
    ...api.serviceDataSources.map((config) =>
      config.type === 'HTTP' && overrides.has(config.name) ? { ...config, endpoint: overrides.get(config.name)! } : config,
    ),
  ];
}

function describe(config: DataSourceConfig): string | undefined {
  switch (config.type) {
    case 'AWS_LAMBDA':
      return `${config.name}: Lambda ${config.function.functionName} (${config.function.handler}, run in a worker thread)`;
    case 'HTTP':
      return `${config.name}: HTTP ${config.endpoint}${config.signing ? ` (SigV4 ${config.signing.region}/${config.signing.service})` : ''}`;
    case 'AMAZON_EVENTBRIDGE':
      return `${config.name}: EventBridge bus ${config.eventBusName} (events logged here, never sent)`;
    default:
      return undefined;
  }
}

/** Banner lines for the Lambda, HTTP and EventBridge data sources, and the credentials HTTP requests are signed with. */
export function dataSourceBanner(dataSources: DataSourceConfig[]): string[] {
  const lines = dataSources.flatMap((config) => describe(config) ?? []).map((line) => `Data source       ${line}`);
  if (dataSources.some((config) => config.type === 'HTTP' && config.signing)) {
    const { accessKeyId, secretAccessKey } = LOCAL_SIGNING_CREDENTIALS;
    lines.push(`HTTP signing      access key ${accessKeyId}, secret ${secretAccessKey} (local only)`);
  }
  return lines;
}
