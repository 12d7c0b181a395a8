import { GraphQLError, Kind, print } from 'graphql';
import {
  invalidValueMessage,
  ScalarSerializationError,
  unserializableMessage,
  type ScalarBehaviour,
} from './scalar-behaviour.ts';

// AWSJSON: a JSON document carried as a string. Input strings are parsed, so
// resolvers receive maps, lists and plain values; an unquoted literal or
// invalid JSON is refused. Output is always a JSON string: a value a resolver
// returns is encoded, and a string that already is JSON is passed on as is.
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html

const NAME = 'AWSJSON';
const EXPECTATION = 'a string holding valid JSON (RFC 8259)';

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export const jsonScalar: ScalarBehaviour = {
  serialize(value) {
    if (typeof value === 'string' && parseJson(value).ok) {
      return value;
    }
    const encoded = JSON.stringify(value);
    if (encoded === undefined) {
      throw new ScalarSerializationError(unserializableMessage(NAME, String(value)));
    }
    return encoded;
  },
  parseValue(value) {
    const parsed = typeof value === 'string' ? parseJson(value) : { ok: false as const };
    if (!parsed.ok) {
      throw new GraphQLError(invalidValueMessage(NAME, value, EXPECTATION));
    }
    return parsed.value;
  },
  parseLiteral(node) {
    const parsed = node.kind === Kind.STRING ? parseJson(node.value) : { ok: false as const };
    if (!parsed.ok) {
      throw new GraphQLError(invalidValueMessage(NAME, print(node), EXPECTATION), { nodes: node });
    }
    return parsed.value;
  },
};
