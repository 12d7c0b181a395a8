import { getNullableType, isLeafType, isListType, type FieldNode, type GraphQLOutputType } from 'graphql';
import { selectedFields, subSelections, type OperationScope } from './selected-fields.ts';
import { isRecord } from '../is-record.ts';

// The `data` a resolver passes to `util.error` reaches the client filtered by
// the field's selection set, like the field's own value would be; `errorInfo`
// is passed on untouched.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-util-reference-js.html

/** `value` reduced to the fields `nodes` select, keyed by response key (alias) as in `data`. */
export function filterBySelection(
  value: unknown,
  nodes: readonly FieldNode[],
  type: GraphQLOutputType,
  scope: OperationScope,
): unknown {
  const nullableType = getNullableType(type);
  if (value === null || value === undefined) {
    return null;
  }
  if (isListType(nullableType)) {
    return Array.isArray(value)
      ? value.map((item) => filterBySelection(item, nodes, nullableType.ofType, scope))
      : value;
  }
  if (isLeafType(nullableType) || !isRecord(value)) {
    return value;
  }
  const filtered: Record<string, unknown> = {};
  for (const field of selectedFields(subSelections(nodes), nullableType, scope)) {
    if (field.type && Object.hasOwn(value, field.fieldName)) {
      filtered[field.responseKey] = filterBySelection(value[field.fieldName], field.nodes, field.type, scope);
    }
  }
  return filtered;
}
