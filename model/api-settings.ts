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

/** `settingName` names the setting in the error, e.g. `STAGE` or `-c stage`. */
export function parseStage(value: string | undefined, settingName: string): Stage {
  if (value === undefined || value === '' || value === 'dev') {
    return 'dev';
  }
  if (value === 'prod') {
    return 'prod';
  }
  throw new Error(`${settingName} must be "dev" or "prod", not "${value}"`);
}
