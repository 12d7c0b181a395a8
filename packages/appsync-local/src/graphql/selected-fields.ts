import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  GraphQLString,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';

// Which fields a selection set asks of a type, with fragments flattened. Both
// `ctx.info.selectionSetList` and the filtering of `util.error` data walk a
// field's selection this way.
//
// AppSync exposes only fields that belong to the current type: a fragment
// applies when it has no type condition or its condition names that very type
// (for an interface or union, fields selected on a member type are left out).
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html

/** What the walk needs from the operation it belongs to. */
export interface OperationScope {
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

export interface SelectedField {
  /** the alias if there is one, else the field's name */
  responseKey: string;
  fieldName: string;
  /** every node selecting this response key (a field may be selected twice and merged) */
  nodes: FieldNode[];
  /** undefined for a field the type does not have */
  type: GraphQLOutputType | undefined;
}

function isIncluded(node: Parameters<typeof getDirectiveValues>[1], scope: OperationScope): boolean {
  return (
    getDirectiveValues(GraphQLSkipDirective, node, scope.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, scope.variableValues)?.if !== false
  );
}

function fieldType(parentType: GraphQLNamedType, fieldName: string): GraphQLOutputType | undefined {
  if (fieldName === '__typename') {
    return GraphQLString;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[fieldName]?.type : undefined;
}

/** The fields the selection sets (of one or more merged nodes) select on `parentType`, in query order. */
export function selectedFields(
  selectionSets: readonly SelectionSetNode[],
  parentType: GraphQLNamedType,
  scope: OperationScope,
): SelectedField[] {
  const byKey = new Map<string, SelectedField>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection, scope)) {
        continue;
      }
      if (selection.kind === Kind.FIELD) {
        const responseKey = selection.alias?.value ?? selection.name.value;
        const existing = byKey.get(responseKey);
        if (existing) {
          existing.nodes.push(selection);
        } else {
          const fieldName = selection.name.value;
          byKey.set(responseKey, {
            responseKey,
            fieldName,
            nodes: [selection],
            type: fieldType(parentType, fieldName),
          });
        }
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : scope.fragments[selection.name.value];
      const condition = fragment?.typeCondition?.name.value;
      if (fragment && (condition === undefined || condition === parentType.name)) {
        visit(fragment.selectionSet);
      }
    }
  };
  selectionSets.forEach(visit);
  return [...byKey.values()];
}

/** The selection sets of merged field nodes, for walking one level down. */
export function subSelections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** A document's fragment definitions by name, as `OperationScope.fragments` holds them. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments[definition.name.value] = definition;
    }
  }
  return fragments;
}
