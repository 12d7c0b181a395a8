import { GraphQLError, Kind, print, type GraphQLScalarType, type ValueNode } from 'graphql';

// The parts of a GraphQLScalarType that give an AppSync scalar its rules.
// Scalar types are built from schema.graphql (with the AppSync prelude); these
// behaviours are installed on them afterwards (see build-schema.ts).

export type ScalarBehaviour = Pick<GraphQLScalarType, 'serialize' | 'parseValue' | 'parseLiteral'>;

/** A resolver returned a value its field's scalar cannot represent. */
export class ScalarSerializationError extends Error {}

/** How a string-shaped AppSync scalar tells a valid value from an invalid one. */
export interface StringFormat {
  /** the scalar's name, e.g. `AWSDateTime` */
  name: string;
  /** what a valid value looks like, shown in error messages */
  expectation: string;
  isValid(value: string): boolean;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** The message for an input value a scalar refuses. */
export function invalidValueMessage(name: string, value: unknown, expectation: string): string {
  return `Invalid ${name} value ${describe(value)}: expected ${expectation}.`;
}

/** The message for a resolver value a scalar refuses. */
export function unserializableMessage(name: string, value: unknown): string {
  return `Unable to serialize ${describe(value)} as a valid ${name}.`;
}

function literalText(node: ValueNode): string {
  return node.kind === Kind.STRING ? node.value : print(node);
}

/** A scalar that is a string on the wire and in resolvers, and must match a format both ways. */
export function stringScalar(format: StringFormat): ScalarBehaviour {
  const accepts = (value: unknown): value is string => typeof value === 'string' && format.isValid(value);
  return {
    serialize(value) {
      if (!accepts(value)) {
        throw new ScalarSerializationError(unserializableMessage(format.name, value));
      }
      return value;
    },
    parseValue(value) {
      if (!accepts(value)) {
        throw new GraphQLError(invalidValueMessage(format.name, value, format.expectation));
      }
      return value;
    },
    parseLiteral(node) {
      if (node.kind !== Kind.STRING || !format.isValid(node.value)) {
        throw new GraphQLError(invalidValueMessage(format.name, literalText(node), format.expectation), {
          nodes: node,
        });
      }
      return node.value;
    },
  };
}
