import { isScalarType, type GraphQLSchema } from 'graphql';
import { buildAppSyncSchema } from '../../../../model/check-wiring.ts';
import { readAppSyncPrelude } from '../../../../model/schema-source.ts';
import { appSyncScalars } from './scalars/index.ts';

/**
 * The schema the local server executes: schema.graphql with AppSync's own
 * scalars and directives (the prelude), its scalars checking values as
 * AppSync does.
 */
export function buildExecutableSchema(schemaSDL: string): GraphQLSchema {
  const schema = buildAppSyncSchema(readAppSyncPrelude(), schemaSDL);
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
