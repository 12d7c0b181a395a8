import type { ApiSettings } from 'appsync-local';

// Limits and switches that the cloud API and the local server both apply,
// defined once so that local and cloud refuse the same requests.
// https://docs.aws.amazon.com/appsync/latest/devguide/configuring-query-depth.html

export type { ApiSettings };

export type Stage = 'dev' | 'prod';

export function apiSettings(stage: Stage): ApiSettings {
  return {
    queryDepthLimit: 6,
    resolverCountLimit: 100,
    introspection: stage !== 'prod',
    maxRequestBodyBytes: 100 * 1024,
  };
}

export function parseStage(value: string | undefined): Stage {
  if (value === undefined || value === '' || value === 'dev') {
    return 'dev';
  }
  if (value === 'prod') {
    return 'prod';
  }
  throw new Error(`STAGE must be "dev" or "prod", not "${value}"`);
}
