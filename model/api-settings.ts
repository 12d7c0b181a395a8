// Limits and switches that the cloud API and the local server both apply,
// defined once so that local and cloud refuse the same requests.
// https://docs.aws.amazon.com/appsync/latest/devguide/configuring-query-depth.html

export type Stage = 'dev' | 'prod';

export interface ApiSettings {
  /** deepest nesting of fields a query may have (AppSync allows 1 to 75) */
  queryDepthLimit: number;
  /** most resolvers one request may invoke (AppSync allows 1 to 10,000) */
  resolverCountLimit: number;
  /** whether the schema may be read by introspection */
  introspection: boolean;
  /** largest request body the local server reads, in bytes */
  maxRequestBodyBytes: number;
}

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
