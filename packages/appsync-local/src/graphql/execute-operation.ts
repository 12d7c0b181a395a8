import { execute, GraphQLError, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { resolverName } from '../resolver-name.ts';
import { newRequestUsage, type FieldAuthorizer, type RequestUsage, type ResolverDefinition } from '../types.ts';
import { requestErrorEntry, type AppSyncErrorEntry, type AppSyncResponseBody } from './appsync-response.ts';
import { executionErrorEntry } from './execution-errors.ts';
import { RESOLVER_LIMIT_ERROR, type FieldLimits } from './field-limits.ts';
import {
  appSyncFieldResolver,
  ReportedFieldError,
  type ExecutionScope,
  type WiredFieldResolver,
} from './field-resolver.ts';
import type { RequestView } from './field-invocation.ts';
import { knownResolverCount } from './known-resolver-count.ts';
import { parserLimitError, PARSER_LIMITS } from './parser-limits.ts';
import { validateOperation } from './validate-operation.ts';
import { variableErrors } from './variable-errors.ts';
import { rememberValidDocument, validDocument } from './valid-documents.ts';

// One GraphQL request, from query text to the body AppSync would answer with:
// parse, validate (once per query text: see valid-documents.ts), execute, and
// word every error as AppSync does. Syntax and validation errors answer
// `data: null` before anything runs.
// https://github.com/graphql/graphql-over-http/issues/81

/** The JSON body of `POST /graphql`. */
export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface OperationContext extends RequestView {
  schema: GraphQLSchema;
  resolvers: readonly ResolverDefinition[];
  resolveWiredField: WiredFieldResolver;
  authorizeField: FieldAuthorizer;
  limits: FieldLimits & { introspection: boolean };
  /** what the request's resolvers record (subscription filters, invalidations); default a fresh one, unseen */
  usage?: RequestUsage;
}

/**
 * graphql-java (AppSync's engine) reports a syntax error as
 * `Invalid Syntax : <what it found>`; graphql-js's explanation follows the prefix.
 */
function syntaxError(error: GraphQLError): GraphQLError {
  return new GraphQLError(`Invalid Syntax : ${error.message.replace(/^Syntax Error: /, '')}`, {
    source: error.source,
    positions: error.positions,
  });
}

function parseQuery(query: string): { document: DocumentNode } | { error: GraphQLError } {
  const overLimit = parserLimitError(query);
  if (overLimit) {
    return { error: syntaxError(overLimit) };
  }
  try {
    return { document: parse(query, { maxTokens: PARSER_LIMITS.maxTokens }) };
  } catch (error) {
    if (error instanceof GraphQLError) {
      return { error: syntaxError(error) };
    }
    throw error;
  }
}

function responseBody(schema: GraphQLSchema, result: ExecutionResult, scope: ExecutionScope): AppSyncResponseBody {
  // no data: the variables were refused before any field ran
  if (result.data === undefined) {
    return { data: null, errors: (result.errors ?? []).map(requestErrorEntry) };
  }
  const engineErrors = (result.errors ?? [])
    .filter((error) => !(error.originalError instanceof ReportedFieldError))
    .map((error) => executionErrorEntry(schema, error));
  const errors = [...scope.fieldErrors, ...engineErrors];
  return errors.length > 0 ? { data: result.data, errors } : { data: result.data };
}

/** The query's document once it parsed and validated, else the errors that refuse it. */
function validatedDocument(
  query: string,
  context: OperationContext,
): { document: DocumentNode } | { errors: AppSyncErrorEntry[] } {
  const known = validDocument(context.schema, query, context.limits);
  if (known) {
    return { document: known };
  }
  const parsed = parseQuery(query);
  if ('error' in parsed) {
    return { errors: [requestErrorEntry(parsed.error)] };
  }
  const validationErrors = validateOperation(context.schema, parsed.document, context.limits);
  if (validationErrors.length > 0) {
    return { errors: validationErrors.map(requestErrorEntry) };
  }
  rememberValidDocument(context.schema, query, context.limits, parsed.document);
  return parsed;
}

export async function executeOperation(
  request: OperationRequest,
  context: OperationContext,
): Promise<AppSyncResponseBody> {
  const validated = validatedDocument(request.query, context);
  if ('errors' in validated) {
    return { data: null, errors: validated.errors };
  }
  const refusedVariables = variableErrors(context.schema, validated.document, request);
  if (refusedVariables.length > 0) {
    return { data: null, errors: refusedVariables };
  }
  const resolvers = new Map(context.resolvers.map((definition) => [resolverName(definition), definition]));
  const hasResolver = (typeName: string, fieldName: string) => resolvers.has(resolverName({ typeName, fieldName }));
  if (
    knownResolverCount(context.schema, validated.document, request.operationName, hasResolver) >
    context.limits.resolverCountLimit
  ) {
    return { data: null, errors: [{ path: null, data: null, ...RESOLVER_LIMIT_ERROR, errorInfo: null, locations: [] }] };
  }
  const scope: ExecutionScope = {
    caller: context.caller,
    headers: context.headers,
    usage: context.usage ?? newRequestUsage(),
    resolvers,
    resolveWiredField: context.resolveWiredField,
    authorizeField: context.authorizeField,
    limits: context.limits,
    resolverInvocations: 0,
    fieldErrors: [],
  };
  const result = await execute({
    schema: context.schema,
    document: validated.document,
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
    contextValue: scope,
    fieldResolver: appSyncFieldResolver,
  });
  return responseBody(context.schema, result, scope);
}
