import type { GraphQLResolveInfo } from 'graphql';
import type { AuthenticatedCaller, FieldInvocation, RequestUsage } from '../types.ts';
import { selectionSetGraphQL, selectionSetList } from './selection-set-info.ts';
import { isRecord } from '../is-record.ts';

// What a resolver sees of one field: `ctx.arguments`, `ctx.source`,
// `ctx.identity`, `ctx.request` and `ctx.info`.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html

/** The parts of the HTTP request resolvers may see. */
export interface RequestView {
  caller: AuthenticatedCaller;
  /** lower-case names, without `cookie` */
  headers: Record<string, string>;
}

/** The request as the resolver engine sees it: the caller and headers, and its per-request allowances. */
export interface EngineRequest extends RequestView {
  usage: RequestUsage;
}

/**
 * `args` are graphql-js's coerced arguments, which already follow AppSync's
 * coercion: an argument the query leaves out (or passes as an unset variable)
 * is absent, not present with `undefined`; one passed as `null` is `null`.
 */
export function fieldInvocation(
  source: unknown,
  args: Record<string, unknown>,
  info: GraphQLResolveInfo,
  request: RequestView,
): FieldInvocation {
  const operation = { fragments: info.fragments, variableValues: info.variableValues };
  return {
    arguments: args,
    // a root field has no parent: AppSync passes null
    source: isRecord(source) ? source : null,
    identity: request.caller.identity,
    request: { headers: request.headers, domainName: null },
    info: {
      fieldName: info.fieldName,
      parentTypeName: info.parentType.name,
      variables: info.variableValues,
      selectionSetList: selectionSetList(info.fieldNodes, info.returnType, operation),
      selectionSetGraphQL: selectionSetGraphQL(info.fieldNodes),
    },
  };
}
