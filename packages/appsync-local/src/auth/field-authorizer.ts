import {
  getDirectiveValues,
  isObjectType,
  type DirectiveNode,
  type GraphQLDirective,
  type GraphQLSchema,
} from 'graphql';
import type { AuthenticatedCaller, AuthMode, FieldAuthorizer } from '../types.ts';

// AppSync's authorization directives, as AWS's page "Configuring
// authorization and authentication to secure your GraphQL APIs" describes them:
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#using-additional-authorization-modes
// - `@aws_api_key`, `@aws_iam`, `@aws_oidc`, `@aws_lambda` and
//   `@aws_cognito_user_pools` each admit callers of that mode.
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
// - `@aws_auth(cognito_groups: [...])` is the same rule for an API whose only
//   mode is its user pool; next to additional modes AppSync ignores it, so
//   such a schema is refused here (use `@aws_cognito_user_pools`). AppSync
//   applies it on the fields of Query, Mutation and Subscription only: on a
//   nested type's field it admits every signed-in user, as recorded in
//   https://github.com/aws/aws-appsync-community/issues/275.
// - A Lambda authorizer's `deniedFields` are refused to its caller whatever
//   the directives say (security-authz.html#aws-lambda-authorization).

type UserPoolAccess = 'none' | 'anySignedInUser' | ReadonlySet<string>;

interface FieldAccess {
  /** the modes other than the user pool that are admitted */
  modes: ReadonlySet<AuthMode>;
  userPool: UserPoolAccess;
}

/** The mode each directive admits; the user pool's directives carry a group rule as well. */
const DIRECTIVE_MODES: Record<string, AuthMode> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
};

interface DirectiveHolder {
  readonly directives?: ReadonlyArray<DirectiveNode>;
}

function accessOfDefaultMode(defaultMode: AuthMode): FieldAccess {
  return defaultMode === 'AMAZON_COGNITO_USER_POOLS'
    ? { modes: new Set(), userPool: 'anySignedInUser' }
    : { modes: new Set([defaultMode]), userPool: 'none' };
}

/**
 * Reads every object type's directives once, so that each check is two map
 * look-ups. `additionalModes` are the API's other modes (they decide whether
 * `@aws_auth` applies).
 */
export function createFieldAuthorizer(
  schema: GraphQLSchema,
  defaultMode: AuthMode,
  additionalModes: readonly AuthMode[] = [],
): FieldAuthorizer {
  const userPoolDirective = schema.getDirective('aws_cognito_user_pools');
  if (!userPoolDirective) {
    throw new Error("The schema lacks AppSync's directives: build it together with AppSync's prelude (appsync-local/appsync-prelude.graphql)");
  }
  const awsAuthApplies = defaultMode === 'AMAZON_COGNITO_USER_POOLS' && additionalModes.length === 0;
  const rootTypes = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((type) => type?.name),
  );
  const read = (nodes: ReadonlyArray<DirectiveHolder | null | undefined>, where: string, onRootField = false) =>
    declaredAccess(nodes, where, userPoolDirective, awsAuthApplies, onRootField);
  const defaultAccess = accessOfDefaultMode(defaultMode);
  const accessByType = new Map<string, Map<string, FieldAccess>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) {
      continue;
    }
    const typeAccess = read([type.astNode, ...type.extensionASTNodes], `type ${type.name}`) ?? defaultAccess;
    const accessByField = new Map<string, FieldAccess>();
    for (const field of Object.values(type.getFields())) {
      const fieldAccess = read([field.astNode], `${type.name}.${field.name}`, rootTypes.has(type.name));
      accessByField.set(field.name, fieldAccess ?? typeAccess);
    }
    accessByType.set(type.name, accessByField);
  }

  return (typeName, fieldName, caller) => {
    const access = accessByType.get(typeName)?.get(fieldName);
    if (access === undefined) {
      // introspection (`__typename`, `__schema`, the `__Type` fields) is not guarded by directives
      return typeName.startsWith('__') || fieldName.startsWith('__');
    }
    if (caller.deniedFields?.has(`${typeName}.${fieldName}`)) {
      return false;
    }
    return caller.authMode === 'AMAZON_COGNITO_USER_POOLS'
      ? isAdmittedToUserPoolField(access.userPool, caller)
      : access.modes.has(caller.authMode);
  };
}

/** The access the auth directives on these nodes grant together, or null when they name no mode. */
function declaredAccess(
  nodes: ReadonlyArray<DirectiveHolder | null | undefined>,
  where: string,
  userPoolDirective: GraphQLDirective,
  awsAuthApplies: boolean,
  onRootField: boolean,
): FieldAccess | null {
  let namesAMode = false;
  const modes = new Set<AuthMode>();
  let userPool: UserPoolAccess = 'none';
  for (const directive of nodes.flatMap((node) => node?.directives ?? [])) {
    const name = directive.name.value;
    if (name === 'aws_auth' && !awsAuthApplies) {
      throw new Error(
        `${where}: @aws_auth applies only when the user pool is the API's only authorization mode; use @aws_cognito_user_pools with the same arguments`,
      );
    }
    const mode = DIRECTIVE_MODES[name];
    if (mode === undefined || (name === 'aws_auth' && !onRootField)) {
      continue;
    }
    namesAMode = true;
    if (mode === 'AMAZON_COGNITO_USER_POOLS') {
      userPool = userPoolAccess(directive, userPoolDirective);
    } else {
      modes.add(mode);
    }
  }
  return namesAMode ? { modes, userPool } : null;
}

/** An empty `cognito_groups` list admits nobody; a missing or null one admits every signed-in user. */
function userPoolAccess(directive: DirectiveNode, definition: GraphQLDirective): UserPoolAccess {
  // @aws_auth takes the same argument as @aws_cognito_user_pools
  const groups = getDirectiveValues(definition, { directives: [{ ...directive, name: { ...directive.name, value: definition.name } }] })
    ?.cognito_groups;
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
