import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

// How many resolvers a request invokes at least, known from its document
// alone: one per distinct response key among the root fields that have a
// resolver. Root fields always run (a mutation's one after the other), so a
// document whose count already passes the resolver limit can be refused before
// any of them runs: otherwise the first hundred of 150 aliased createEvent
// fields would be stored before the 101st fails, and AppSync answers such a
// request with data null, so the client would never learn their ids.
// Below the root nothing is certain (a null or failed parent skips its
// fields, a list's length is only known at run time): those invocations are
// counted as they happen (field-resolver.ts). A field or fragment under @skip
// or @include depends on variables and is not counted either.

function isConditional(node: { directives?: readonly { name: { value: string } }[] }): boolean {
  return (node.directives ?? []).some((directive) => ['skip', 'include'].includes(directive.name.value));
}

function rootResponseKeys(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  keys: Map<string, string>,
  visited: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (isConditional(selection)) {
      continue;
    }
    if (selection.kind === Kind.FIELD) {
      keys.set(selection.alias?.value ?? selection.name.value, selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(selection.selectionSet, fragments, keys, visited);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !visited.has(fragment.name.value)) {
        visited.add(fragment.name.value);
        rootResponseKeys(fragment.selectionSet, fragments, keys, visited);
      }
    }
  }
}

/**
 * The resolver invocations the operation makes for certain. `hasResolver`
 * tells whether `Type.field` has one. 0 when the operation is not found (the
 * executor reports that).
 */
export function knownResolverCount(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  hasResolver: (typeName: string, fieldName: string) => boolean,
): number {
  const operation = getOperationAST(document, operationName);
  const rootType = operation && schema.getRootType(operation.operation);
  if (!operation || !rootType) {
    return 0;
  }
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const keys = new Map<string, string>();
  rootResponseKeys(operation.selectionSet, fragments, keys, new Set());
  return [...keys.values()].filter((fieldName) => hasResolver(rootType.name, fieldName)).length;
}
