import { isPlainObject } from './runtime/util/dynamodb-values.ts';

// What `util.authType()` answers under EvaluateCode, where no request was
// authorized: AppSync reads the mode back from the shape of the given
// `ctx.identity`. The shapes are those of the resolver context reference
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js),
// the names those of util.authType
// (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html), and which
// incomplete shapes fall back to an API key follows the answers EvaluateCode
// gave, as recorded in localstack/appsync-utils __tests__/__snapshots__/authType.test.js.snap.

const AUTH_TYPE_NAMES = {
  apiKey: 'API Key Authorization',
  iam: 'IAM Authorization',
  userPool: 'User Pool Authorization',
  openIdConnect: 'Open ID Connect Authorization',
  lambda: 'Lambda Authorization',
} as const;

function has(identity: Record<string, unknown>, key: string): boolean {
  return identity[key] !== undefined && identity[key] !== null;
}

/** The authorization mode whose `ctx.identity` looks like `identity`. */
export function authTypeOfIdentity(identity: unknown): string {
  if (!isPlainObject(identity)) {
    return AUTH_TYPE_NAMES.apiKey;
  }
  const keys = Object.keys(identity);
  const sourceIpGiven = Array.isArray(identity.sourceIp);
  if (sourceIpGiven && has(identity, 'userArn') && has(identity, 'accountId')) {
    return AUTH_TYPE_NAMES.iam;
  }
  if (sourceIpGiven && has(identity, 'defaultAuthStrategy')) {
    return AUTH_TYPE_NAMES.userPool;
  }
  const openIdKeys = ['sub', 'issuer', 'claims'];
  if (openIdKeys.every((key) => has(identity, key)) && keys.every((key) => openIdKeys.includes(key))) {
    return AUTH_TYPE_NAMES.openIdConnect;
  }
  if (keys.length === 0 || has(identity, 'resolverContext')) {
    return AUTH_TYPE_NAMES.lambda;
  }
  return AUTH_TYPE_NAMES.apiKey;
}
