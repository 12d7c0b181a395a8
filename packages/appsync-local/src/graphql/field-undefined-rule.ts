import { GraphQLError, Kind, type ASTNode, type ValidationContext, type ValidationRule } from 'graphql';

// graphql-java's FieldUndefined check, in its words:
//   Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'
// (https://github.com/graphql/graphql-over-http/issues/81). It stands in for
// graphql-js's FieldsOnCorrectTypeRule.
//
// With introspection disabled, AppSync answers an introspection query with
// this same error for the fields of the introspection types (`__schema`
// is allowed, `__schema { types }` is not): "a validation error appears in
// the response", https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html
// `__typename` stays available on every type, as clients rely on it.

export interface FieldUndefinedRuleOptions {
  introspection: boolean;
}

function isIntrospectionType(typeName: string): boolean {
  return typeName.startsWith('__');
}

/** `getPost/author/name`: the field names from the fragment or operation down to the field. */
function queryPath(ancestors: readonly (ASTNode | readonly ASTNode[])[], fieldName: string): string {
  const names = ancestors.flatMap((ancestor) =>
    'kind' in ancestor && ancestor.kind === Kind.FIELD ? [ancestor.name.value] : [],
  );
  return [...names, fieldName].join('/');
}

export function fieldUndefinedRule(options: FieldUndefinedRuleOptions): ValidationRule {
  return (context: ValidationContext) => ({
    Field(node, _key, _parent, _path, ancestors) {
      const parentType = context.getParentType();
      if (!parentType) {
        return;
      }
      const fieldName = node.name.value;
      const hidden = !options.introspection && isIntrospectionType(parentType.name);
      if (context.getFieldDef() && !hidden) {
        return;
      }
      context.reportError(
        new GraphQLError(
          `Validation error of type FieldUndefined: Field '${fieldName}' in type '${
            parentType.name
          }' is undefined @ '${queryPath(ancestors, fieldName)}'`,
          { nodes: node },
        ),
      );
      // what lies below an undefined field is not looked at
      return false;
    },
  });
}
