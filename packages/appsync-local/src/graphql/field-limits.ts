import type { GraphQLResolveInfo } from 'graphql';

// The per-request limits AppSync applies while executing, from ApiSettings.
// https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html
//
// Query depth: "a limit error if the operation falls out of bounds"; the
// field past the limit fails and, as with any error, a non-null field passes
// its null up to the first nullable field (AppSync API reference,
// CreateGraphqlApi queryDepthLimit). A root field is at depth 1. Introspection
// fields are not held to the limit: introspection has its own switch, and
// GraphiQL's introspection query (nested about ten deep) must keep working.
//
// Resolver count: every resolver invocation in one request counts, a list's
// items each once; the invocations past the limit fail with AppSync's
// `ResolverExecutionLimitReached` (the error AppSync raises for its own
// per-request resolver limit). Fields without a resolver do not count.

export interface FieldLimits {
  queryDepthLimit: number;
  resolverCountLimit: number;
}

/** How deep a field is in the query: list indices do not add depth. */
export function fieldDepth(path: GraphQLResolveInfo['path']): number {
  let depth = 0;
  for (let segment: GraphQLResolveInfo['path'] | undefined = path; segment; segment = segment.prev) {
    if (typeof segment.key === 'string') {
      depth += 1;
    }
  }
  return depth;
}

/**
 * AppSync documents the depth limit but not the errorType it reports; this
 * name follows its `…LimitReached` / `…Exceeded` naming and is our choice.
 */
export function depthLimitError(limit: number) {
  return { errorType: 'QueryDepthLimitExceeded', message: `Query depth limit of ${limit} exceeded.` };
}

export const RESOLVER_LIMIT_ERROR = {
  errorType: 'ResolverExecutionLimitReached',
  message: 'Resolver invocation limit reached.',
};
