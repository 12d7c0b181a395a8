import { buildSchema, isScalarType, type GraphQLSchema } from 'graphql';
import { appSyncPrelude } from './appsync-prelude.ts';
import { appSyncScalars } from './scalars/index.ts';

/** An API's schema as AppSync reads it: its SDL together with AppSync's scalars and directives. */
export function buildAppSyncSchema(schemaSDL: string): GraphQLSchema {
  return buildSchema(`${appSyncPrelude()}\n${schemaSDL}`);
}

/**
 * The schema the local server executes: the API's schema with AppSync's own
 * scalars and directives (the prelude), its scalars checking values as
 * AppSync does.
 */
export function buildExecutableSchema(schemaSDL: string): GraphQLSchema {
  const schema = buildAppSyncSchema(schemaSDL);
  for (const [name, behaviour] of Object.entries(appSyncScalars)) {
    const type = schema.getType(name);
    // buildSchema gives every declared scalar graphql-js's pass-through
    // behaviour; replacing it on the built type keeps every reference to the
    // type (fields, arguments, input fields) pointing at one object.
    if (isScalarType(type)) {
      Object.assign(type, behaviour);
    }
  }
  return schema;
}
