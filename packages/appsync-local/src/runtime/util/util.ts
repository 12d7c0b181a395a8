// The `util` object of '@aws-appsync/utils'. Everything that does not depend
// on the evaluation is built and frozen once; each evaluation only adds the
// helpers bound to its scope (errors and the auth type).
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html

import type { EvaluationScope, FieldInfo, ResolverError } from '../../types.ts';
import { ResolverErrorSignal } from '../signals.ts';
import { dynamodbUtil } from './dynamodb-values.ts';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding.ts';
import { autoId, autoKsuid, autoUlid } from './identifiers.ts';
import { javaPatternToRegExpParts } from './java-pattern.ts';
import { mathUtil, strUtil } from './string-math.ts';
import { timeUtil } from './time.ts';
import { transformUtil } from './transform.ts';
import { toJsonObject } from '../rds-module/to-json-object.ts';
import { httpUtil, xmlUtil } from './unsupported.ts';

/** The field being resolved, which `util.unauthorized()` names in its message. */
export type ResolvingField = Pick<FieldInfo, 'fieldName' | 'parentTypeName'>;

/** Java's Pattern.matches: the whole value must match. Host code, so RegExp is fine here. */
function matches(pattern: string, value: string): boolean {
  const { source, flags } = javaPatternToRegExpParts(pattern);
  return new RegExp(`(?<![\\s\\S])(?:${source})(?![\\s\\S])`, flags).test(String(value));
}

const sharedUtil = Object.freeze({
  escapeJavaScript,
  urlEncode,
  urlDecode,
  base64Encode,
  base64Decode,
  autoId: () => autoId(),
  autoUlid: () => autoUlid(),
  autoKsuid: () => autoKsuid(),
  matches,
  time: timeUtil,
  dynamodb: dynamodbUtil,
  transform: transformUtil,
  str: strUtil,
  math: mathUtil,
  http: httpUtil,
  xml: xmlUtil,
  rds: Object.freeze({ toJsonObject }),
});

/** The error as AppSync puts it in `errors[]`: absent parts are null. */
function resolverError(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): ResolverError {
  return {
    message: String(message),
    errorType: errorType === undefined || errorType === null ? null : String(errorType),
    data: data ?? null,
    errorInfo: errorInfo ?? null,
  };
}

/**
 * AppSync's message for `util.unauthorized()`, as its responses show it:
 * "Not Authorized to access getEvent on type Query", errorType "Unauthorized".
 * With no field to name (EvaluateCode without `ctx.info`) the message is
 * "Unauthorized", as recorded from EvaluateCode in localstack/appsync-utils
 * __tests__/__snapshots__/resolvers.test.js.snap ("error handling unauthorized").
 */
function unauthorizedError(field: ResolvingField | undefined): ResolverError {
  const message = field ? `Not Authorized to access ${field.fieldName} on type ${field.parentTypeName}` : 'Unauthorized';
  return resolverError(message, 'Unauthorized');
}

export function createUtil(scope: EvaluationScope, field?: ResolvingField) {
  return Object.freeze({
    ...sharedUtil,
    error(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): never {
      throw new ResolverErrorSignal(resolverError(message, errorType, data, errorInfo));
    },
    appendError(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): void {
      scope.appendError(resolverError(message, errorType, data, errorInfo));
    },
    unauthorized(): never {
      throw new ResolverErrorSignal(unauthorizedError(field));
    },
    authType: (): string => scope.authType,
  });
}
