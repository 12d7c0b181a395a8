import { buildASTSchema, isScalarType, Kind, parse, specifiedDirectives, visit, type GraphQLSchema } from 'graphql';
import { appSyncPrelude } from './appsync-prelude.ts';
import { appSyncScalars } from './scalars/index.ts';

/**
 * The SDL without the uses of directives it does not declare. AppSync deploys
 * such schemas and ignores those directives: AWS's own published CDK apps
 * carry them in deployed schemas (`@aws_apikey` in aws-samples/serverless-patterns
 * appsync-dynamodb-singletable-cdk, `@aws_api_ke @aws_cognito_user_poolsy` in
 * aws-samples/appsync-bedrock-sample-with-ai-agent), so the local runtime
 * must not refuse them. Directives it declares are still checked.
 */
function withoutUndeclaredDirectives(sdl: string) {
  const document = parse(sdl);
  const declared = new Set(specifiedDirectives.map((directive) => directive.name));
  for (const definition of document.definitions) {
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) {
      declared.add(definition.name.value);
    }
  }
  return visit(document, { Directive: (node) => (declared.has(node.name.value) ? undefined : null) });
}

/** An API's schema as AppSync reads it: its SDL together with AppSync's scalars and directives. */
export function buildAppSyncSchema(schemaSDL: string): GraphQLSchema {
  return buildASTSchema(withoutUndeclaredDirectives(`${appSyncPrelude()}\n${schemaSDL}`));
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
