import { isPlainObject } from './runtime/util/dynamodb-values.ts';
import type { AuthMode } from './types.ts';

// What `util.authType()` answers under EvaluateCode, where no request was
// authorized: AppSync reads the mode back from the shape of the given
// `ctx.identity`. The shapes are those of the resolver context reference
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js),
// the names those of util.authType
// (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html), and which
// incomplete shapes fall back to an API key follows the answers EvaluateCode
// gave, as recorded in localstack/appsync-utils __tests__/__snapshots__/authType.test.js.snap.

/** `util.authType()` for each authorization mode. */
export const AUTH_TYPE_NAMES: Readonly<Record<AuthMode, string>> = {
  API_KEY: 'API Key Authorization',
  AWS_IAM: 'IAM Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
};

function has(identity: Record<string, unknown>, key: string): boolean {
  return identity[key] !== undefined && identity[key] !== null;
}

/** The authorization mode whose `ctx.identity` looks like `identity`. */
export function authTypeOfIdentity(identity: unknown): string {
  if (!isPlainObject(identity)) {
    return AUTH_TYPE_NAMES.API_KEY;
  }
  const keys = Object.keys(identity);
  const sourceIpGiven = Array.isArray(identity.sourceIp);
  if (sourceIpGiven && has(identity, 'userArn') && has(identity, 'accountId')) {
    return AUTH_TYPE_NAMES.AWS_IAM;
  }
  if (sourceIpGiven && has(identity, 'defaultAuthStrategy')) {
    return AUTH_TYPE_NAMES.AMAZON_COGNITO_USER_POOLS;
  }
  const openIdKeys = ['sub', 'issuer', 'claims'];
  if (openIdKeys.every((key) => has(identity, key)) && keys.every((key) => openIdKeys.includes(key))) {
    return AUTH_TYPE_NAMES.OPENID_CONNECT;
  }
  if (keys.length === 0 || has(identity, 'resolverContext')) {
    return AUTH_TYPE_NAMES.AWS_LAMBDA;
  }
  return AUTH_TYPE_NAMES.API_KEY;
}
