import { toAttributeMap, type AttributeMap } from './attribute-values.ts';
import { RequestShapeError } from './data-source-errors.ts';

// Readers for the fields of request objects. A request is whatever a handler
// returned, so every field is checked; `null` counts as absent, as resolver
// code often sets optional fields to null.

export type RequestObject = Record<string, unknown>;

export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** `transactItems[0].key` → `$[transactItems][0][key]`, the JSON path AppSync names a field by. */
function jsonPath(path: string): string {
  return `$${path
    .split(/\.|(?=\[)/)
    .map((segment) => (segment.startsWith('[') ? segment : `[${segment}]`))
    .join('')}`;
}

/**
 * A field the request must have is absent (or null). AppSync reports it by
 * its JSON path, with errorType MappingTemplate, as in "Value for field
 * '$[operation]' not found."
 */
export function missingField(path: string): RequestShapeError {
  return new RequestShapeError(`Value for field '${jsonPath(path)}' not found.`);
}

export function asRequestObject(value: unknown, path: string): RequestObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestShapeError(`${path} must be an object`);
  }
  return value as RequestObject;
}

export function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new RequestShapeError(`${path} must be an array`);
  }
  return value;
}

export function requiredString(request: RequestObject, field: string, path = field): string {
  const value = request[field];
  if (isAbsent(value)) {
    throw missingField(path);
  }
  if (typeof value !== 'string' || value === '') {
    throw new RequestShapeError(`${path} must be a non-empty string`);
  }
  return value;
}

export function optionalBoolean(request: RequestObject, field: string, path = field): boolean | undefined {
  const value = request[field];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'boolean') {
    throw new RequestShapeError(`${path} must be true or false`);
  }
  return value;
}

export function optionalInteger(request: RequestObject, field: string, path = field): number | undefined {
  const value = request[field];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new RequestShapeError(`${path} must be an integer`);
  }
  return value;
}

export function optionalString(request: RequestObject, field: string, path = field): string | undefined {
  const value = request[field];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') {
    throw new RequestShapeError(`${path} must be a string`);
  }
  return value;
}

/** An item key: typed values, required. */
export function requiredKey(request: RequestObject, path = 'key'): AttributeMap {
  if (isAbsent(request.key)) {
    throw missingField(path);
  }
  return toAttributeMap(request.key, path);
}

function stringMap(value: unknown, path: string): Record<string, string> | undefined {
  if (isAbsent(value)) return undefined;
  const map = asRequestObject(value, path);
  for (const [name, target] of Object.entries(map)) {
    if (typeof target !== 'string') {
      throw new RequestShapeError(`${path}.${name} must be a string`);
    }
  }
  return map as Record<string, string>;
}

/** `{ expression, expressionNames, expressionValues }`: a key condition, filter, update or condition. */
export interface ExpressionParts {
  expression: string;
  names?: Record<string, string>;
  values?: AttributeMap;
}

export function readExpression(value: unknown, path: string): ExpressionParts {
  const section = asRequestObject(value, path);
  return {
    expression: requiredString(section, 'expression', `${path}.expression`),
    names: stringMap(section.expressionNames, `${path}.expressionNames`),
    values: isAbsent(section.expressionValues)
      ? undefined
      : toAttributeMap(section.expressionValues, `${path}.expressionValues`),
  };
}

export function optionalExpression(request: RequestObject, field: string, path = field): ExpressionParts | undefined {
  return isAbsent(request[field]) ? undefined : readExpression(request[field], path);
}

/** `projection: { expression, expressionNames }` */
export function optionalProjection(request: RequestObject, path = 'projection'): ExpressionParts | undefined {
  const projection = request.projection;
  if (isAbsent(projection)) return undefined;
  const section = asRequestObject(projection, path);
  return {
    expression: requiredString(section, 'expression', `${path}.expression`),
    names: stringMap(section.expressionNames, `${path}.expressionNames`),
  };
}

/**
 * The placeholders of several expressions of one call, merged as DynamoDB
 * takes them. DynamoDB rejects empty maps, so those are left out.
 */
export function expressionAttributes(...parts: (ExpressionParts | undefined)[]) {
  const names = Object.assign({}, ...parts.map((part) => part?.names ?? {})) as Record<string, string>;
  const values = Object.assign({}, ...parts.map((part) => part?.values ?? {})) as AttributeMap;
  return {
    ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
    ExpressionAttributeValues: Object.keys(values).length > 0 ? values : undefined,
  };
}
