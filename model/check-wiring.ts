import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import {
  functionSourcePath,
  functionWiring,
  resolverName,
  resolverSourcePath,
  resolverWiring,
  type FunctionWiring,
  type ResolverWiring,
} from './api-wiring.ts';

/** The root types whose every field needs a resolver: AppSync has no default for them. */
const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

export function buildAppSyncSchema(prelude: string, schemaSDL: string): GraphQLSchema {
  return buildSchema(`${prelude}\n${schemaSDL}`);
}

/**
 * Everything wrong with the wiring, one sentence each: a resolver for a field
 * the schema lacks, a root field without a resolver, a field wired twice, a
 * pipeline naming an unknown function, or a source file that is missing.
 */
export function checkWiring(
  schema: GraphQLSchema,
  fileExists: (path: string) => boolean,
  resolvers: ResolverWiring[] = resolverWiring,
  functions: FunctionWiring[] = functionWiring,
): string[] {
  const problems: string[] = [];
  const wired = new Set<string>();
  const functionNames = new Set(functions.map((fn) => fn.name));
  for (const wiring of resolvers) {
    const name = resolverName(wiring);
    const type = schema.getType(wiring.typeName);
    if (!type || !isObjectType(type)) {
      problems.push(`${name}: the schema has no type ${wiring.typeName}`);
    } else if (!type.getFields()[wiring.fieldName]) {
      problems.push(`${name}: type ${wiring.typeName} has no field ${wiring.fieldName}`);
    }
    if (wired.has(name)) {
      problems.push(`${name}: wired more than once`);
    }
    wired.add(name);
    if (!fileExists(resolverSourcePath(wiring))) {
      problems.push(`${name}: ${resolverSourcePath(wiring)} is missing`);
    }
    for (const fn of wiring.kind === 'PIPELINE' ? wiring.functions : []) {
      if (!functionNames.has(fn)) {
        problems.push(`${name}: pipeline names unknown function ${fn}`);
      }
    }
  }
  for (const fn of functions) {
    if (!fileExists(functionSourcePath(fn.name))) {
      problems.push(`function ${fn.name}: ${functionSourcePath(fn.name)} is missing`);
    }
  }
  for (const typeName of ROOT_TYPES) {
    const type = schema.getType(typeName);
    for (const fieldName of type && isObjectType(type) ? Object.keys(type.getFields()) : []) {
      if (!wired.has(`${typeName}.${fieldName}`)) {
        problems.push(`${typeName}.${fieldName}: no resolver is wired for this field`);
      }
    }
  }
  return problems;
}
