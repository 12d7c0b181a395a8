import { getNamedType, print, type FieldNode, type GraphQLOutputType } from 'graphql';
import { selectedFields, subSelections, type OperationScope } from './selected-fields.ts';

// `ctx.info.selectionSetList` and `ctx.info.selectionSetGraphQL` of a field.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html
// - selectionSetList names every field below the resolved one, nested fields
//   as paths (`items/eventId`), an aliased field only by its alias.
// - selectionSetGraphQL is the field's own selection set printed as GraphQL;
//   fragments are not merged into it, as AppSync sends it (a spread stays
//   `...Name`; see https://github.com/aws/aws-appsync-community/issues/142).

/** `ctx.info.selectionSetList`: `['items', 'items/eventId', 'nextToken']` */
export function selectionSetList(
  nodes: readonly FieldNode[],
  type: GraphQLOutputType,
  scope: OperationScope,
): string[] {
  const list: string[] = [];
  const walk = (fieldNodes: readonly FieldNode[], fieldType: GraphQLOutputType, prefix: string) => {
    for (const field of selectedFields(subSelections(fieldNodes), getNamedType(fieldType), scope)) {
      const path = `${prefix}${field.responseKey}`;
      list.push(path);
      if (field.type) {
        walk(field.nodes, field.type, `${path}/`);
      }
    }
  };
  walk(nodes, type, '');
  return list;
}

/** `ctx.info.selectionSetGraphQL`: the field's selection set as GraphQL, `""` for a leaf field. */
export function selectionSetGraphQL(nodes: readonly FieldNode[]): string {
  const [first] = nodes;
  return first?.selectionSet ? print(first.selectionSet) : '';
}
