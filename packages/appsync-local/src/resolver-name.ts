/** A resolver's name as the AppSync console shows it: `Query.getEvent`. */
export function resolverName(field: { typeName: string; fieldName: string }): string {
  return `${field.typeName}.${field.fieldName}`;
}
