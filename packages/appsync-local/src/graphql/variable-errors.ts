import {
  getOperationAST,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { locationsOf, type AppSyncErrorEntry } from './appsync-response.ts';
import type { OperationRequest } from './execute-operation.ts';

// Variable values AppSync refuses before any resolver runs, worded as its
// engine (graphql-java) words them, never quoting the variables back:
// - a null, or a missing value, where a non-null type is required — the
//   variable's own or a field's inside it, the message naming the variable
//   and the type that was null:
//     Variable 'input' has coerced Null value for NonNull type 'String!'
//   with `locations: null`
//   (https://github.com/aws/aws-appsync-community/issues/322, …/issues/406,
//   https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/83);
// - a field an input object does not define:
//     The variables input contains a field that is not defined for input object type 'CreateUpdateTestInput' 
//   (trailing space included), with `locations: null`
//   (https://github.com/aws/aws-appsync-community/issues/273);
// - a value its scalar or enum cannot read, naming the innermost field and
//   located at the variable's definition:
//     Variable 'phone' has an invalid value. <why>
//   (as AppSync answered in https://github.com/aws-amplify/amplify-flutter/issues/822
//   and https://github.com/aws-amplify/amplify-swift/issues/278). The <why> is
//   the local scalar's own message, which names the value and not the request.
// The first problem is reported, as graphql-java stops at the first.

interface Problem {
  message: string;
  /** whether AppSync gives the variable definition's location */
  located: boolean;
}

function coercedNull(variable: string, type: GraphQLInputType): Problem {
  return { message: `Variable '${variable}' has coerced Null value for NonNull type '${String(type)}'`, located: false };
}

function invalidValue(name: string, why: string): Problem {
  return { message: `Variable '${name}' has an invalid value. ${why}`, located: true };
}

/** The first problem with `value` as a `type`; `name` is the innermost variable or field it is in. */
function problemWith(value: unknown, type: GraphQLInputType, variable: string, name: string): Problem | undefined {
  if (isNonNullType(type)) {
    return value === null || value === undefined
      ? coercedNull(variable, type)
      : problemWith(value, type.ofType, variable, name);
  }
  if (value === null || value === undefined) {
    return undefined;
  }
  if (isListType(type)) {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    return items.map((item) => problemWith(item, type.ofType, variable, name)).find((problem) => problem !== undefined);
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      return invalidValue(name, `Expected type "${type.name}" to be an object.`);
    }
    const fields = type.getFields();
    if (Object.keys(value).some((key) => !Object.hasOwn(fields, key))) {
      const message = `The variables input contains a field that is not defined for input object type '${type.name}' `;
      return { message, located: false };
    }
    const given = value as Record<string, unknown>;
    return Object.values(fields)
      .filter((field) => given[field.name] !== undefined || field.defaultValue === undefined)
      .map((field) => problemWith(given[field.name], field.type, variable, field.name))
      .find((problem) => problem !== undefined);
  }
  if (isLeafType(type)) {
    try {
      return type.parseValue(value) === undefined ? invalidValue(name, `Expected type "${type.name}".`) : undefined;
    } catch (error) {
      return invalidValue(name, error instanceof Error ? error.message : `Expected type "${type.name}".`);
    }
  }
  return undefined;
}

function definitionProblem(
  schema: GraphQLSchema,
  definition: VariableDefinitionNode,
  variables: Record<string, unknown>,
): AppSyncErrorEntry | undefined {
  const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
  const name = definition.variable.name.value;
  const given = Object.hasOwn(variables, name);
  if (!type || (!given && definition.defaultValue)) {
    return undefined;
  }
  const problem = problemWith(given ? variables[name] : undefined, type, name, name);
  if (!problem) {
    return undefined;
  }
  return { path: null, locations: problem.located ? locationsOf([definition]) : null, message: problem.message };
}

/** The error AppSync answers for the request's variables, if it refuses them. */
export function variableErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  request: OperationRequest,
): AppSyncErrorEntry[] {
  // an operation that cannot be told is graphql-js's to report
  const operation = getOperationAST(document, request.operationName ?? undefined);
  const variables = request.variables ?? {};
  const problems = (operation?.variableDefinitions ?? [])
    .map((definition) => definitionProblem(schema, definition, variables))
    .filter((problem) => problem !== undefined);
  return problems.slice(0, 1);
}
