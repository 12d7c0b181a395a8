import { getNamedType, GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';
import type { AppSyncErrorEntry } from './appsync-response.ts';
import { ScalarSerializationError } from './scalars/scalar-behaviour.ts';
import { ValueShapeError } from './value-shape.ts';

// Errors graphql-js raises while completing values, worded as AppSync
// (graphql-java) words them, e.g.
//   Cannot return null for non-nullable type: 'String' within parent 'Event' (/getEvent/title)
// Anything else that is not a GraphQL error is a fault of this runtime: it is
// logged, and the client sees a message without internals.

const NON_NULL = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/;

/** `/listEvents/items[3]/title` */
function pathText(path: readonly (string | number)[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `/${segment}`)).join('');
}

function nonNullMessage(schema: GraphQLSchema, error: GraphQLError): string | undefined {
  const match = NON_NULL.exec(error.message);
  const parentType = match ? schema.getType(match[1]) : undefined;
  const field = match && isObjectType(parentType) ? parentType.getFields()[match[2]] : undefined;
  if (!field || !parentType) {
    return undefined;
  }
  const typeName = getNamedType(field.type).name;
  return `Cannot return null for non-nullable type: '${typeName}' within parent '${parentType.name}' (${pathText(
    error.path ?? [],
  )})`;
}

/** Where the error is: the field's path, and for a list item of the wrong shape, the item's indices. */
function errorPath(error: GraphQLError): readonly (string | number)[] | null {
  const original = error.originalError;
  return original instanceof ValueShapeError ? [...(error.path ?? []), ...original.itemPath] : (error.path ?? null);
}

function appSyncMessage(schema: GraphQLSchema, error: GraphQLError): string {
  const original = error.originalError;
  if (original instanceof ValueShapeError) {
    return `Can't resolve value (${pathText(errorPath(error) ?? [])}) : ${original.message}`;
  }
  if (original instanceof ScalarSerializationError) {
    return `Can't serialize value (${pathText(error.path ?? [])}) : ${original.message}`;
  }
  const nonNull = nonNullMessage(schema, error);
  if (nonNull) {
    return nonNull;
  }
  if (original && !(original instanceof GraphQLError)) {
    console.error('local AppSync runtime: unexpected error while executing a field', original);
    return 'An internal failure occurred while executing this request.';
  }
  return error.message;
}

export function executionErrorEntry(schema: GraphQLSchema, error: GraphQLError): AppSyncErrorEntry {
  return { path: errorPath(error), locations: null, message: appSyncMessage(schema, error) };
}
