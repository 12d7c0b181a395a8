import { type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { resolverName } from '../resolver-name.ts';
import type { FieldAuthorizer, FieldInvocation, FieldOutcome, ResolverDefinition, ResolverError } from '../types.ts';
import { fieldErrorEntry, locationsOf, type AppSyncErrorEntry } from './appsync-response.ts';
import { depthLimitError, fieldDepth, RESOLVER_LIMIT_ERROR, type FieldLimits } from './field-limits.ts';
import { fieldInvocation, type EngineRequest } from './field-invocation.ts';
import { filterBySelection } from './filter-by-selection.ts';
import { requireShape } from './value-shape.ts';

// How each field of an operation is resolved, as AppSync does it: the depth
// limit and the field's authorization first; then the field's resolver if it
// has one (counted against the resolver limit), else the parent's property of
// the field's name. Introspection fields (`__schema`, `__typename`, the fields
// of `__Type`…) never come here: graphql-js resolves them itself.

/** Runs a field's resolver (the resolver engine, for the local server). */
export type WiredFieldResolver = (
  definition: ResolverDefinition,
  invocation: FieldInvocation,
  request: EngineRequest,
) => Promise<FieldOutcome>;

/** Everything one request's execution shares; graphql-js passes it to every field as its context. */
export interface ExecutionScope extends EngineRequest {
  /** by `Type.field` */
  resolvers: ReadonlyMap<string, ResolverDefinition>;
  resolveWiredField: WiredFieldResolver;
  authorizeField: FieldAuthorizer;
  limits: FieldLimits;
  resolverInvocations: number;
  /** the errors fields reported, in the order they happened */
  fieldErrors: AppSyncErrorEntry[];
}

/**
 * Thrown once a field's errors are in `fieldErrors`, so that graphql-js nulls
 * the field (and a non-null field's parent) without reporting anything itself.
 */
export class ReportedFieldError extends Error {}

function pathOf(info: GraphQLResolveInfo): (string | number)[] {
  const path: (string | number)[] = [];
  for (let segment: GraphQLResolveInfo['path'] | undefined = info.path; segment; segment = segment.prev) {
    path.unshift(segment.key);
  }
  return path;
}

function report(scope: ExecutionScope, info: GraphQLResolveInfo, errors: readonly ResolverError[]) {
  const operation = { fragments: info.fragments, variableValues: info.variableValues };
  for (const error of errors) {
    scope.fieldErrors.push(
      fieldErrorEntry({
        path: pathOf(info),
        locations: locationsOf(info.fieldNodes),
        message: error.message,
        errorType: error.errorType,
        data: filterBySelection(error.data, info.fieldNodes, info.returnType, operation),
        errorInfo: error.errorInfo,
      }),
    );
  }
}

function fail(scope: ExecutionScope, info: GraphQLResolveInfo, error: ResolverError): never {
  report(scope, info, [error]);
  throw new ReportedFieldError(error.message);
}

/**
 * AppSync's words for a field the caller's auth mode may not read, naming the
 * type the field is on, as in "Not Authorized to access createTodo on type
 * Mutation" (reported in aws-amplify/amplify-hosting#3781 and
 * aws-amplify/amplify-category-api#2422).
 */
function unauthorized(info: GraphQLResolveInfo): ResolverError {
  return {
    errorType: 'Unauthorized',
    message: `Not Authorized to access ${info.fieldName} on type ${info.parentType.name}`,
  };
}

async function runResolver(
  definition: ResolverDefinition,
  source: unknown,
  args: Record<string, unknown>,
  scope: ExecutionScope,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  let outcome: FieldOutcome;
  try {
    outcome = await scope.resolveWiredField(definition, fieldInvocation(source, args, info, scope), scope);
  } catch (error) {
    console.error(`local AppSync runtime: resolver ${resolverName(definition)} failed`, error);
    fail(scope, info, {
      errorType: 'InternalFailure',
      message: 'An internal failure occurred while resolving this field.',
    });
  }
  report(scope, info, outcome.errors);
  // util.error leaves no data: the field is null, and its error already reported
  if (outcome.errors.length > 0 && (outcome.data === null || outcome.data === undefined)) {
    throw new ReportedFieldError(outcome.errors[0].message);
  }
  requireShape(outcome.data, info.returnType);
  return outcome.data;
}

function propertyOf(source: unknown, fieldName: string): unknown {
  return typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[fieldName] : undefined;
}

export const appSyncFieldResolver: GraphQLFieldResolver<unknown, ExecutionScope> = (source, args, scope, info) => {
  if (fieldDepth(info.path) > scope.limits.queryDepthLimit) {
    fail(scope, info, depthLimitError(scope.limits.queryDepthLimit));
  }
  if (!scope.authorizeField(info.parentType.name, info.fieldName, scope.caller)) {
    fail(scope, info, unauthorized(info));
  }
  const definition = scope.resolvers.get(resolverName({ typeName: info.parentType.name, fieldName: info.fieldName }));
  if (!definition) {
    const value = propertyOf(source, info.fieldName);
    requireShape(value, info.returnType);
    return value;
  }
  scope.resolverInvocations += 1;
  if (scope.resolverInvocations > scope.limits.resolverCountLimit) {
    fail(scope, info, RESOLVER_LIMIT_ERROR);
  }
  return runResolver(definition, source, args, scope, info);
};
