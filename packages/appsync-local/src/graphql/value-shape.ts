import { getNullableType, isCompositeType, isListType, type GraphQLOutputType } from 'graphql';

// A field's value must have the shape of the field's type: a list for a list
// type, an object for an object, interface or union type. AppSync refuses a
// mismatch while completing the value, in graphql-java's words, e.g.
//   Can't resolve value (/syncCountries/items[0]/spots) : type mismatch error, expected type LIST
// (recorded in aws-amplify/amplify-studio#81 and aws-amplify/amplify-flutter#496), and the field is
// null. graphql-js alone would iterate a string given to a list field and
// read an array given to an object field as an object whose fields are all
// null. The docs and the recorded responses show only `expected type LIST`;
// `expected type OBJECT` for the converse is our reading of the same check.

export type ExpectedShape = 'LIST' | 'OBJECT';

/** Thrown by a field whose value has the wrong shape; `itemPath` locates a list item at fault. */
export class ValueShapeError extends Error {
  constructor(
    readonly expected: ExpectedShape,
    readonly itemPath: readonly number[] = [],
  ) {
    super(`type mismatch error, expected type ${expected}`);
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws ValueShapeError when `value` (or one of its list items, however nested) does not fit `type`. */
export function requireShape(value: unknown, type: GraphQLOutputType, itemPath: number[] = []): void {
  if (value === null || value === undefined) {
    return;
  }
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) {
      throw new ValueShapeError('LIST', itemPath);
    }
    value.forEach((item, index) => requireShape(item, nullable.ofType, [...itemPath, index]));
    return;
  }
  if (isCompositeType(nullable) && !isObject(value)) {
    throw new ValueShapeError('OBJECT', itemPath);
  }
}
