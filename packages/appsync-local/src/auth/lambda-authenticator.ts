import { randomUUID } from 'node:crypto';
import { isRecord } from '../is-record.ts';
import type { LambdaFunction } from '../lambda/lambda-function.ts';
import { readOperation } from '../server/graphql-endpoint.ts';
import type { AuthenticationResult, RequestAuthenticator } from '../types.ts';
import { LOCAL_ACCOUNT_ID } from './local-iam-credentials.ts';
import { UNAUTHORIZED_MESSAGES } from './unauthorized-messages.ts';

// AWS_LAMBDA authorization: AppSync hands the `Authorization` header to the
// API's authorizer function, with the request's operation and headers, and
// follows its answer:
// - `isAuthorized: true` admits the request; anything else refuses it (401);
// - `resolverContext` becomes `ctx.identity.resolverContext`;
// - `deniedFields` (`Type.field` or a field's ARN) are "forcibly changed to
//   null, even if a value was returned from a resolver": here their
//   resolvers do not run, and each gets the Unauthorized error a directive
//   refusal gets;
// - `ttlOverride` (seconds) replaces the API's AuthorizerResultTtlInSeconds
//   for this answer; AppSync reuses an answer for the same token until then
//   (0, the API default, never);
// - a token that does not match IdentityValidationExpression is refused
//   without calling the function.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-lambda-authorization
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_LambdaAuthorizerConfig.html

/** The event AppSync invokes an authorizer with. */
export interface LambdaAuthorizerEvent {
  authorizationToken: string;
  requestContext: {
    apiId: string;
    accountId: string;
    requestId: string;
    queryString: string;
    operationName?: string;
    variables: Record<string, unknown>;
  };
  requestHeaders: Record<string, string>;
}

export interface LambdaAuthorizerOptions {
  /** runs the authorizer function with the event and resolves to what it returned */
  invoke: (event: LambdaAuthorizerEvent) => Promise<unknown>;
  /** AuthorizerResultTtlInSeconds; default 0: no caching */
  resultTtlSeconds?: number;
  /** IdentityValidationExpression: tokens that do not match it are refused before the call */
  identityValidationExpression?: string;
  /** what the event names as the API and account */
  apiId?: string;
  accountId?: string;
}

interface CachedAnswer {
  result: AuthenticationResult;
  expiresAt: number;
}

/** `arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<Type>/fields/<field>` or `Type.field`, as `Type.field`. */
function deniedField(entry: string): string {
  const arn = /\/types\/([^/]+)\/fields\/([^/]+)$/.exec(entry);
  return arn ? `${arn[1]}.${arn[2]}` : entry;
}

function requestHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'cookie'),
  );
}

function answerOf(response: unknown): { result: AuthenticationResult; ttlSeconds?: number } {
  if (!isRecord(response) || response.isAuthorized !== true) {
    return { result: { ok: false, message: UNAUTHORIZED_MESSAGES.notAuthorized } };
  }
  const denied = Array.isArray(response.deniedFields) ? response.deniedFields.filter((field) => typeof field === 'string') : [];
  return {
    result: {
      ok: true,
      caller: {
        authMode: 'AWS_LAMBDA',
        identity: { resolverContext: isRecord(response.resolverContext) ? response.resolverContext : {} },
        deniedFields: new Set(denied.map(deniedField)),
      },
    },
    ttlSeconds: typeof response.ttlOverride === 'number' ? response.ttlOverride : undefined,
  };
}

export function createLambdaAuthenticator(options: LambdaAuthorizerOptions): RequestAuthenticator {
  const validToken = options.identityValidationExpression
    ? new RegExp(`^(?:${options.identityValidationExpression})$`)
    : undefined;
  const cache = new Map<string, CachedAnswer>();
  return async (request) => {
    const token = request.headers.authorization;
    if (!token) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.noValidHeader };
    }
    if (validToken && !validToken.test(token)) {
      return { ok: false, message: UNAUTHORIZED_MESSAGES.notAuthorized };
    }
    const cached = cache.get(token);
    if (cached && Date.now() < cached.expiresAt) {
      return cached.result;
    }
    const operation = await readOperation(request);
    const query = 'status' in operation ? { query: '', operationName: undefined, variables: undefined } : operation;
    let response: unknown;
    try {
      response = await options.invoke({
        authorizationToken: token,
        requestContext: {
          apiId: options.apiId ?? 'local',
          accountId: options.accountId ?? LOCAL_ACCOUNT_ID,
          requestId: randomUUID(),
          queryString: query.query,
          operationName: query.operationName ?? undefined,
          variables: query.variables ?? {},
        },
        requestHeaders: requestHeaders(request.headers),
      });
    } catch (error) {
      console.error('local AppSync runtime: the Lambda authorizer failed', error);
      return { ok: false, message: UNAUTHORIZED_MESSAGES.notAuthorized };
    }
    const { result, ttlSeconds = options.resultTtlSeconds ?? 0 } = answerOf(response);
    if (ttlSeconds > 0) {
      cache.set(token, { result, expiresAt: Date.now() + ttlSeconds * 1000 });
    }
    return result;
  };
}

/** Invokes a running authorizer function; a function error is a refusal. */
export function invokeAuthorizerFunction(lambda: LambdaFunction): LambdaAuthorizerOptions['invoke'] {
  return async (event) => {
    const result = await lambda.invoke(event);
    if (!result.ok) {
      throw new Error(`${lambda.functionName} failed: ${result.error.errorType}: ${result.error.errorMessage}`);
    }
    return result.payload;
  };
}
