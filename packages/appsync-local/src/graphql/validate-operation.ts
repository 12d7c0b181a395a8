import {
  FieldsOnCorrectTypeRule,
  GraphQLError,
  specifiedRules,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldUndefinedRule } from './field-undefined-rule.ts';

// Validation as AppSync reports it. AppSync runs graphql-java, whose messages
// read "Validation error of type <Kind>: <detail>", e.g.
//   Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'
// (AppSync's own examples: https://github.com/graphql/graphql-over-http/issues/81).
// graphql-js checks the same rules; each is tagged with graphql-java's kind.
// Suggestions ("Did you mean …?") are never given, as graphql-java gives none,
// and they would reveal the schema when introspection is off.

const GRAPHQL_JAVA_KINDS: Record<string, string> = {
  ExecutableDefinitionsRule: 'NonExecutableDefinition',
  UniqueOperationNamesRule: 'DuplicateOperationName',
  LoneAnonymousOperationRule: 'LoneAnonymousOperationViolation',
  SingleFieldSubscriptionsRule: 'SubscriptionMultipleRootFields',
  KnownTypeNamesRule: 'UnknownType',
  FragmentsOnCompositeTypesRule: 'FragmentTypeConditionInvalid',
  VariablesAreInputTypesRule: 'NonInputTypeOnVariable',
  UniqueFragmentNamesRule: 'DuplicateFragmentName',
  KnownFragmentNamesRule: 'UndefinedFragment',
  NoUnusedFragmentsRule: 'UnusedFragment',
  PossibleFragmentSpreadsRule: 'InvalidFragmentType',
  NoFragmentCyclesRule: 'FragmentCycle',
  UniqueVariableNamesRule: 'DuplicateVariableName',
  NoUndefinedVariablesRule: 'UndefinedVariable',
  NoUnusedVariablesRule: 'UnusedVariable',
  KnownDirectivesRule: 'UnknownDirective',
  UniqueDirectivesPerLocationRule: 'DuplicateDirectiveName',
  KnownArgumentNamesRule: 'UnknownArgument',
  UniqueArgumentNamesRule: 'DuplicateArgumentNames',
  ValuesOfCorrectTypeRule: 'WrongType',
  ProvidedRequiredArgumentsRule: 'MissingFieldArgument',
  VariablesInAllowedPositionRule: 'VariableTypeMismatch',
  OverlappingFieldsCanBeMergedRule: 'FieldsConflict',
  UniqueInputFieldNamesRule: 'DuplicateInputField',
};

function graphqlJavaKind(ruleName: string, message: string): string {
  if (ruleName === 'ScalarLeafsRule') {
    return message.includes('must not have a selection') ? 'SubSelectionNotAllowed' : 'SubSelectionRequired';
  }
  return GRAPHQL_JAVA_KINDS[ruleName] ?? ruleName.replace(/Rule$/, '');
}

/** A graphql-js rule whose errors carry graphql-java's "Validation error of type <Kind>:" prefix. */
function prefixedWithKind(rule: ValidationRule): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const report = (error: GraphQLError) =>
      context.reportError(
        new GraphQLError(`Validation error of type ${graphqlJavaKind(rule.name, error.message)}: ${error.message}`, {
          nodes: error.nodes,
        }),
      );
    // The rule sees the real context except for where its errors go.
    const scoped = new Proxy(context, {
      get: (target, property) => (property === 'reportError' ? report : Reflect.get(target, property)),
    });
    return rule(scoped);
  };
}

function appSyncRules(introspection: boolean): ValidationRule[] {
  return specifiedRules.map((rule) =>
    rule === FieldsOnCorrectTypeRule ? fieldUndefinedRule({ introspection }) : prefixedWithKind(rule),
  );
}

const RULES_WITH_INTROSPECTION = appSyncRules(true);
const RULES_WITHOUT_INTROSPECTION = appSyncRules(false);

export interface ValidationSettings {
  /** when false, the fields of `__schema` and `__type` are undefined, as AppSync reports them */
  introspection: boolean;
}

/** The document's validation errors, worded as AppSync words them; empty when valid. */
export function validateOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  settings: ValidationSettings,
): readonly GraphQLError[] {
  const rules = settings.introspection ? RULES_WITH_INTROSPECTION : RULES_WITHOUT_INTROSPECTION;
  return validate(schema, document, rules, { hideSuggestions: true });
}
