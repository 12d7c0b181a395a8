import { GraphQLError, Kind, print } from 'graphql';
import {
  invalidValueMessage,
  ScalarSerializationError,
  unserializableMessage,
  type ScalarBehaviour,
} from './scalar-behaviour.ts';

// AWSTimestamp: whole seconds before or after 1970-01-01T00:00Z, as a number.
// AppSync holds it as a 64-bit integer, so it is not limited to GraphQL's
// 32-bit Int; here it is limited to what a JavaScript number holds exactly.
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html

const NAME = 'AWSTimestamp';
const EXPECTATION = 'a whole number of seconds since 1970-01-01T00:00Z';

function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export const timestampScalar: ScalarBehaviour = {
  serialize(value) {
    if (!isTimestamp(value)) {
      throw new ScalarSerializationError(unserializableMessage(NAME, value));
    }
    return value;
  },
  parseValue(value) {
    if (!isTimestamp(value)) {
      throw new GraphQLError(invalidValueMessage(NAME, value, EXPECTATION));
    }
    return value;
  },
  parseLiteral(node) {
    const value = node.kind === Kind.INT ? Number(node.value) : undefined;
    if (!isTimestamp(value)) {
      throw new GraphQLError(invalidValueMessage(NAME, print(node), EXPECTATION), { nodes: node });
    }
    return value;
  },
};
