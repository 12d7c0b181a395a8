import type { GraphQLSchema } from 'graphql';
import { httpErrorBody } from '../graphql/appsync-response.ts';
import { executeOperation, type OperationRequest } from '../graphql/execute-operation.ts';
import type { WiredFieldResolver } from '../graphql/field-resolver.ts';
import type { OperationObserver } from '../realtime/publish-mutation.ts';
import { newRequestUsage, type ApiSettings, type FieldAuthorizer, type ResolverDefinition } from '../types.ts';
import { jsonResponse, type Handler, type LocalRequest, type LocalResponse } from './http-pipeline.ts';
import { isRecord } from '../is-record.ts';

// POST /graphql: a JSON body `{ query, variables, operationName }`. A body
// that is not such an object is refused with 400 before GraphQL runs, in
// AppSync's words (https://github.com/graphql/graphql-over-http/issues/81):
//   empty body            → "Request body is empty."
//   not a GraphQL request → "Unable to parse GraphQL query."
// GET /graphql: the same request in the query string, `variables` as JSON.
// "AppSync supports HTTP POST and GET for queries and mutations. … Query
// variables are sent in the HTTP POST Body, encoded as JSON or as query
// parameters in HTTP GET." (the AppSync team, in the issue above); urql and
// other clients send queries that way by default. A query string without a
// readable request is refused like an unreadable body.
// Everything else is HTTP 200, errors included.

export interface GraphQLEndpointOptions {
  schema: GraphQLSchema;
  /** read for every request: bundles may have been rebuilt */
  getResolvers: () => ResolverDefinition[];
  resolveWiredField: WiredFieldResolver;
  authorizeField: FieldAuthorizer;
  settings: ApiSettings;
  /** sees every operation that ran, with what its resolvers recorded (the real-time endpoint publishes mutations) */
  onOperation?: OperationObserver;
}

function malformed(message: string) {
  return jsonResponse(400, httpErrorBody('MalformedHttpRequestException', message), {
    'x-amzn-errortype': 'MalformedHttpRequestException',
  });
}

function isOptional<T>(value: unknown, check: (value: unknown) => value is T): boolean {
  return value === undefined || value === null || check(value);
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `{ query, variables, operationName }` as a request, if it is one. */
function operationRequest(parsed: unknown): OperationRequest | undefined {
  const isString = (value: unknown): value is string => typeof value === 'string';
  if (
    !isRecord(parsed) ||
    !isString(parsed.query) ||
    !isOptional(parsed.variables, isRecord) ||
    !isOptional(parsed.operationName, isString)
  ) {
    return undefined;
  }
  return {
    query: parsed.query,
    variables: parsed.variables as OperationRequest['variables'],
    operationName: parsed.operationName as OperationRequest['operationName'],
  };
}

/** The request of a GET: `query`, `operationName`, and `variables` as JSON. */
function operationInQueryString(params: URLSearchParams): OperationRequest | undefined {
  const variablesJson = params.get('variables');
  const variables = variablesJson === null ? undefined : parsedJson(variablesJson);
  if (variablesJson !== null && variables === undefined) {
    return undefined;
  }
  const query = params.get('query') ?? undefined;
  return operationRequest({ query, operationName: params.get('operationName'), variables });
}

/** The request a POST or GET carries, or the 400 that refuses it. */
async function readOperation(request: LocalRequest): Promise<OperationRequest | LocalResponse> {
  if (request.method === 'GET') {
    const operation = operationInQueryString(request.searchParams ?? new URLSearchParams());
    return operation ?? malformed('Unable to parse GraphQL query.');
  }
  const body = (await request.body()).toString('utf8');
  if (body.trim() === '') {
    return malformed('Request body is empty.');
  }
  return operationRequest(parsedJson(body)) ?? malformed('Unable to parse GraphQL query.');
}

/** `ctx.request.headers`: every header but the cookie, which AppSync never passes on. */
function resolverHeaders(request: LocalRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie') {
      headers[name] = value;
    }
  }
  return headers;
}

export function graphqlEndpoint(options: GraphQLEndpointOptions): Handler {
  return async (request) => {
    if (!request.caller) {
      throw new Error('graphqlEndpoint needs an authenticated request: put requireCaller in front of it');
    }
    const operation = await readOperation(request);
    if ('status' in operation) {
      return operation;
    }
    const usage = newRequestUsage();
    const result = await executeOperation(operation, {
      schema: options.schema,
      caller: request.caller,
      headers: resolverHeaders(request),
      resolvers: options.getResolvers(),
      resolveWiredField: options.resolveWiredField,
      authorizeField: options.authorizeField,
      limits: options.settings,
      usage,
    });
    options.onOperation?.({ request: operation, body: result, usage });
    return jsonResponse(200, result);
  };
}
