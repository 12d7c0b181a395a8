// Pieces every DynamoDB module request is made of: keys and items in typed
// DynamoDB JSON, conditions and filters rendered as util.transform renders
// them, projections, and optional fields left out when absent.

import { renderFilterExpression, type DynamoDBExpression } from '../util/dynamodb-expression.ts';
import { isPlainObject, toMapValues, type AttributeValue } from '../util/dynamodb-values.ts';

export type AttributeMap = Record<string, AttributeValue>;

export interface ProjectionExpression {
  expression: string;
  expressionNames: Record<string, string>;
}

/** `key` or `item` of a request, converted; `helper` names the call in the error. */
export function attributeMap(helper: string, part: string, value: unknown): AttributeMap {
  const converted = toMapValues(value);
  if (converted === null) {
    throw new Error(`${helper}: ${part} must be an object, not ${JSON.stringify(value)}`);
  }
  return converted;
}

/**
 * A condition, filter or key condition, or undefined when none was given or it
 * is empty (DynamoDB refuses an empty expression). A filter the transforms
 * would answer null for is a mistake in the resolver, so it fails loudly.
 */
export function filterExpression(helper: string, part: string, filter: unknown): DynamoDBExpression | undefined {
  if (filter === undefined || filter === null) {
    return undefined;
  }
  const rendered = renderFilterExpression(filter);
  if (rendered === null) {
    throw new Error(`${helper}: ${part} is not a valid filter object: ${JSON.stringify(filter)}`);
  }
  return rendered.expression === '' ? undefined : rendered;
}

/** `['id', 'address.city', 'tags[0]']` as `#id, #address.#city, #tags[0]`. */
export function projectionExpression(projection: unknown): ProjectionExpression | undefined {
  if (!Array.isArray(projection) || projection.length === 0) {
    return undefined;
  }
  const expressionNames: Record<string, string> = {};
  const paths = projection.map((path) =>
    String(path)
      .split('.')
      .map((segment) => {
        const bracket = segment.indexOf('[');
        const name = bracket < 0 ? segment : segment.slice(0, bracket);
        expressionNames[`#${name}`] = name;
        return `#${name}${bracket < 0 ? '' : segment.slice(bracket)}`;
      })
      .join('.'),
  );
  return { expression: paths.join(', '), expressionNames };
}

/** Copies the fields of `source` that are neither undefined nor null. */
export function presentFields<T extends Record<string, unknown>>(source: T): Partial<T> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}

export function payloadObject(helper: string, payload: unknown): Record<string, unknown> {
  if (!isPlainObject(payload)) {
    throw new Error(`${helper}: expected an object argument, not ${JSON.stringify(payload)}`);
  }
  return payload;
}
