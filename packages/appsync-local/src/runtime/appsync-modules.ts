// The built-in modules APPSYNC_JS bundles import, keyed by specifier. The
// scope-free parts are built once at load; each call binds only what reports
// to its evaluation (errors, logs, the auth type).
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import type { EvaluationScope } from '../types.ts';
import { dynamodbModule } from './dynamodb-module/module.ts';
import { rdsModule } from './rds-module/module.ts';
import { createExtensions } from './util/extensions.ts';
import { runtimeObject } from './util/runtime.ts';
import { createUtil, type ResolvingField } from './util/util.ts';

export type { ResolvingField } from './util/util.ts';

/**
 * The module namespaces a bundle may import, keyed by specifier; fresh for
 * each handler evaluation. `field` is the field being resolved, which
 * `util.unauthorized()` names in its message.
 */
export function createAppSyncModules(scope: EvaluationScope, field?: ResolvingField): Record<string, Record<string, unknown>> {
  return {
    '@aws-appsync/utils': Object.freeze({
      util: createUtil(scope, field),
      runtime: runtimeObject,
      extensions: createExtensions(scope),
    }),
    '@aws-appsync/utils/dynamodb': dynamodbModule,
    '@aws-appsync/utils/rds': rdsModule,
  };
}
