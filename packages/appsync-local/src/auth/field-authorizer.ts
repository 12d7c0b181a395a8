import {
  getDirectiveValues,
  isObjectType,
  type DirectiveNode,
  type GraphQLDirective,
  type GraphQLSchema,
} from 'graphql';
import type { AuthenticatedCaller, AuthMode, FieldAuthorizer } from '../types.ts';

// AppSync's authorization directives, with additional authorization modes:
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#using-additional-authorization-modes
// - A field's own directives decide for it; without any, its type's decide
//   (field-level directives override the type's).
// - With none on the field or its type, only the API's default mode may
//   resolve it. That holds for the fields of a returned object type too:
//   `Event` must name `@aws_cognito_user_pools` before a signed-in user may
//   read `Event.title`, even through a field that allows them.
// - Once a field or type names modes, only those modes may resolve it; the
//   default mode is not implied.
// - `@aws_cognito_user_pools(cognito_groups: [...])` admits only members of
//   one of those groups (the token's `cognito:groups`); without the argument,
//   every signed-in user of the pool.
// - `@aws_auth` works only when the user pool is the API's sole mode, so it is
//   refused here; `@aws_cognito_user_pools` takes the same argument.

type UserPoolAccess = 'none' | 'anySignedInUser' | ReadonlySet<string>;

interface FieldAccess {
  apiKey: boolean;
  userPool: UserPoolAccess;
}

/** Directives that name an authorization mode. Modes this API lacks (IAM, OIDC, Lambda) grant nobody here. */
const MODE_DIRECTIVES = new Set(['aws_api_key', 'aws_cognito_user_pools', 'aws_iam', 'aws_oidc', 'aws_lambda']);

interface DirectiveHolder {
  readonly directives?: ReadonlyArray<DirectiveNode>;
}

/** Reads every object type's directives once, so that each check is two map look-ups. */
export function createFieldAuthorizer(schema: GraphQLSchema, defaultMode: AuthMode): FieldAuthorizer {
  const userPoolDirective = schema.getDirective('aws_cognito_user_pools');
  if (!userPoolDirective) {
    throw new Error("The schema lacks AppSync's directives: build it together with AppSync's prelude (appsync-local/appsync-prelude.graphql)");
  }
  const defaultAccess: FieldAccess =
    defaultMode === 'API_KEY' ? { apiKey: true, userPool: 'none' } : { apiKey: false, userPool: 'anySignedInUser' };
  const accessByType = new Map<string, Map<string, FieldAccess>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) {
      continue;
    }
    const typeAccess =
      declaredAccess([type.astNode, ...type.extensionASTNodes], `type ${type.name}`, userPoolDirective) ?? defaultAccess;
    const accessByField = new Map<string, FieldAccess>();
    for (const field of Object.values(type.getFields())) {
      const where = `${type.name}.${field.name}`;
      accessByField.set(field.name, declaredAccess([field.astNode], where, userPoolDirective) ?? typeAccess);
    }
    accessByType.set(type.name, accessByField);
  }

  return (typeName, fieldName, caller) => {
    const access = accessByType.get(typeName)?.get(fieldName);
    if (access === undefined) {
      // introspection (`__typename`, `__schema`, the `__Type` fields) is not guarded by directives
      return typeName.startsWith('__') || fieldName.startsWith('__');
    }
    return caller.authMode === 'API_KEY' ? access.apiKey : isAdmittedToUserPoolField(access.userPool, caller);
  };
}

/** The access the auth directives on these nodes grant together, or null when they name no mode. */
function declaredAccess(
  nodes: ReadonlyArray<DirectiveHolder | null | undefined>,
  where: string,
  userPoolDirective: GraphQLDirective,
): FieldAccess | null {
  let namesAMode = false;
  const access: FieldAccess = { apiKey: false, userPool: 'none' };
  for (const directive of nodes.flatMap((node) => node?.directives ?? [])) {
    const name = directive.name.value;
    if (name === 'aws_auth') {
      throw new Error(
        `${where}: @aws_auth can't be used with additional authorization modes; use @aws_cognito_user_pools with the same arguments`,
      );
    }
    if (!MODE_DIRECTIVES.has(name)) {
      continue;
    }
    namesAMode = true;
    if (name === 'aws_api_key') {
      access.apiKey = true;
    } else if (name === 'aws_cognito_user_pools') {
      access.userPool = userPoolAccess(directive, userPoolDirective);
    }
  }
  return namesAMode ? access : null;
}

/** An empty `cognito_groups` list admits nobody; a missing or null one admits every signed-in user. */
function userPoolAccess(directive: DirectiveNode, definition: GraphQLDirective): UserPoolAccess {
  const groups = getDirectiveValues(definition, { directives: [directive] })?.cognito_groups;
  return Array.isArray(groups) ? new Set(groups.filter((group) => typeof group === 'string')) : 'anySignedInUser';
}

function isAdmittedToUserPoolField(access: UserPoolAccess, caller: AuthenticatedCaller): boolean {
  if (access === 'none') {
    return false;
  }
  if (access === 'anySignedInUser') {
    return true;
  }
  const groups = caller.identity?.groups;
  return Array.isArray(groups) && groups.some((group) => access.has(group));
}
