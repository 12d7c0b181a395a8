import { toAttributeMap, type AttributeMap } from '../attribute-values.ts';
import { RequestShapeError } from '../data-source-errors.ts';
import { asArray, asRequestObject, type RequestObject } from '../request-fields.ts';

// Batch requests name their tables explicitly, `tables: { [tableName]: … }`;
// the names are passed to DynamoDB as given.

export function requestedTables(request: RequestObject): [string, unknown][] {
  const tables = Object.entries(asRequestObject(request.tables, 'tables'));
  if (tables.length === 0) {
    throw new RequestShapeError('tables must name at least one table');
  }
  return tables;
}

export function typedMaps(value: unknown, path: string): AttributeMap[] {
  return asArray(value, path).map((entry, index) => toAttributeMap(entry, `${path}[${index}]`));
}

/** Positions of each entry by its identity, to put DynamoDB's unordered answers back in request order. */
export function positionsByIdentity(entries: AttributeMap[], identity: (entry: AttributeMap) => string) {
  const positions = new Map<string, number[]>();
  entries.forEach((entry, position) => {
    const key = identity(entry);
    positions.set(key, [...(positions.get(key) ?? []), position]);
  });
  return positions;
}
