import { getLocation, type ASTNode, type GraphQLError, type SourceLocation } from 'graphql';

// The JSON AppSync answers with. Its error entries come in three shapes:
// - a field's error (resolver, authorization, limits), with every key:
//   { path, data, errorType, errorInfo, locations, message }
// - a request's error (syntax, validation, variables): { path: null, locations, message }
// - an error of the engine while completing a value (null in a non-null
//   field, a value its scalar cannot represent): { path, locations: null, message }
// and before any GraphQL runs, an HTTP-level refusal: { errorType, message }.
// Shapes as AppSync returns them: https://github.com/graphql/graphql-over-http/issues/81
// and https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html

export interface AppSyncLocation {
  line: number;
  column: number;
  sourceName: null;
}

export interface AppSyncErrorEntry {
  path?: readonly (string | number)[] | null;
  data?: unknown;
  errorType?: string | null;
  errorInfo?: unknown;
  locations?: AppSyncLocation[] | null;
  message: string;
}

export interface AppSyncResponseBody {
  data?: Record<string, unknown> | null;
  errors?: AppSyncErrorEntry[];
}

function toAppSyncLocation(location: SourceLocation): AppSyncLocation {
  return { line: location.line, column: location.column, sourceName: null };
}

/** Where the given nodes are in the query. */
export function locationsOf(nodes: readonly ASTNode[]): AppSyncLocation[] {
  return nodes.flatMap((node) => (node.loc ? [toAppSyncLocation(getLocation(node.loc.source, node.loc.start))] : []));
}

/** A field's error, in AppSync's key order. */
export interface FieldError {
  path: readonly (string | number)[];
  locations: AppSyncLocation[];
  message: string;
  errorType?: string | null;
  /** already filtered by the field's selection set */
  data?: unknown;
  errorInfo?: unknown;
}

export function fieldErrorEntry(error: FieldError): AppSyncErrorEntry {
  return {
    path: error.path,
    data: error.data ?? null,
    errorType: error.errorType ?? null,
    errorInfo: error.errorInfo ?? null,
    locations: error.locations,
    message: error.message,
  };
}

export function requestErrorEntry(error: GraphQLError): AppSyncErrorEntry {
  return { path: null, locations: (error.locations ?? []).map(toAppSyncLocation), message: error.message };
}

/** The body of an HTTP-level refusal, e.g. 401 UnauthorizedException. */
export function httpErrorBody(errorType: string, message: string): AppSyncResponseBody {
  return { errors: [{ errorType, message }] };
}
