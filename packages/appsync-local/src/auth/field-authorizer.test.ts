import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { appSyncPrelude } from '../graphql/appsync-prelude.ts';
import type { AuthenticatedCaller } from '../types.ts';
import { createFieldAuthorizer } from './field-authorizer.ts';

// Rules from "Using additional authorization modes":
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#using-additional-authorization-modes

const prelude = appSyncPrelude();

function schemaOf(sdl: string) {
  return buildSchema(`${prelude}\n${sdl}`);
}

const apiKeyCaller: AuthenticatedCaller = { authMode: 'API_KEY', identity: null };

function signedIn(...groups: string[]): AuthenticatedCaller {
  return {
    authMode: 'AMAZON_COGNITO_USER_POOLS',
    identity: { sub: 'user-sub', groups: groups.length === 0 ? null : groups },
  };
}

const blogSchema = schemaOf(/* GraphQL */ `
  type Query {
    getPost(id: ID!): Post
    getAllPosts: [Post] @aws_api_key
    me: String @aws_cognito_user_pools
    adminReport: String @aws_cognito_user_pools(cognito_groups: ["admins", "auditors"])
    iamOnly: String @aws_iam
    emptyGroupList: String @aws_cognito_user_pools(cognito_groups: [])
    getComment: Comment @aws_api_key @aws_cognito_user_pools
  }

  type Post @aws_api_key @aws_cognito_user_pools {
    id: ID!
    restrictedContent: String @aws_cognito_user_pools(cognito_groups: ["editors"])
  }

  type Comment {
    text: String
  }

  type Draft @aws_cognito_user_pools(cognito_groups: ["editors"]) {
    body: String
    preview: String @aws_api_key
  }

  type Note {
    text: String
  }

  extend type Note @aws_cognito_user_pools
`);

describe('field authorization with API_KEY as the default mode', () => {
  const isAllowed = createFieldAuthorizer(blogSchema, 'API_KEY');

  it('admits only the default mode to a field with no directive on it or its type', () => {
    expect(isAllowed('Query', 'getPost', apiKeyCaller)).toBe(true);
    expect(isAllowed('Query', 'getPost', signedIn())).toBe(false);
  });

  it('admits only the modes a field names, without implying the default mode', () => {
    expect(isAllowed('Query', 'getAllPosts', apiKeyCaller)).toBe(true);
    expect(isAllowed('Query', 'getAllPosts', signedIn())).toBe(false);
    expect(isAllowed('Query', 'me', signedIn())).toBe(true);
    expect(isAllowed('Query', 'me', apiKeyCaller)).toBe(false);
  });

  it('admits nobody of this API to a field that names only a mode the API lacks', () => {
    expect(isAllowed('Query', 'iamOnly', apiKeyCaller)).toBe(false);
    expect(isAllowed('Query', 'iamOnly', signedIn('admins'))).toBe(false);
  });

  it('admits only members of the listed cognito_groups', () => {
    expect(isAllowed('Query', 'adminReport', signedIn('auditors'))).toBe(true);
    expect(isAllowed('Query', 'adminReport', signedIn('readers', 'admins'))).toBe(true);
    expect(isAllowed('Query', 'adminReport', signedIn('readers'))).toBe(false);
    expect(isAllowed('Query', 'adminReport', signedIn())).toBe(false);
    expect(isAllowed('Query', 'adminReport', apiKeyCaller)).toBe(false);
  });

  it('admits nobody to a field with an empty cognito_groups list', () => {
    expect(isAllowed('Query', 'emptyGroupList', signedIn('admins'))).toBe(false);
  });

  it("applies a type's directives to its fields that have none", () => {
    expect(isAllowed('Post', 'id', apiKeyCaller)).toBe(true);
    expect(isAllowed('Post', 'id', signedIn())).toBe(true);
    expect(isAllowed('Draft', 'body', signedIn('editors'))).toBe(true);
    expect(isAllowed('Draft', 'body', signedIn())).toBe(false);
    expect(isAllowed('Draft', 'body', apiKeyCaller)).toBe(false);
  });

  it("lets a field's directives override its type's", () => {
    expect(isAllowed('Post', 'restrictedContent', signedIn('editors'))).toBe(true);
    expect(isAllowed('Post', 'restrictedContent', signedIn())).toBe(false);
    expect(isAllowed('Post', 'restrictedContent', apiKeyCaller)).toBe(false);
    expect(isAllowed('Draft', 'preview', apiKeyCaller)).toBe(true);
    expect(isAllowed('Draft', 'preview', signedIn('editors'))).toBe(false);
  });

  it('guards the fields of a returned type by that type, not by the field that returned it', () => {
    expect(isAllowed('Query', 'getComment', signedIn())).toBe(true);
    expect(isAllowed('Comment', 'text', signedIn())).toBe(false);
    expect(isAllowed('Comment', 'text', apiKeyCaller)).toBe(true);
  });

  it('reads directives from type extensions', () => {
    expect(isAllowed('Note', 'text', signedIn())).toBe(true);
    expect(isAllowed('Note', 'text', apiKeyCaller)).toBe(false);
  });

  it('leaves introspection unguarded and refuses fields the schema lacks', () => {
    expect(isAllowed('Query', '__typename', signedIn())).toBe(true);
    expect(isAllowed('Query', '__schema', apiKeyCaller)).toBe(true);
    expect(isAllowed('__Type', 'name', signedIn())).toBe(true);
    expect(isAllowed('Query', 'noSuchField', apiKeyCaller)).toBe(false);
    expect(isAllowed('NoSuchType', 'id', apiKeyCaller)).toBe(false);
  });
});

describe('field authorization with AMAZON_COGNITO_USER_POOLS as the default mode', () => {
  const isAllowed = createFieldAuthorizer(blogSchema, 'AMAZON_COGNITO_USER_POOLS');

  it('admits every signed-in user, and no API key, where no directive applies', () => {
    expect(isAllowed('Comment', 'text', signedIn())).toBe(true);
    expect(isAllowed('Comment', 'text', apiKeyCaller)).toBe(false);
  });
});

function caller(authMode: AuthenticatedCaller['authMode'], deniedFields?: string[]): AuthenticatedCaller {
  return { authMode, identity: {}, deniedFields: deniedFields && new Set(deniedFields) };
}

const iam = caller('AWS_IAM');
const oidc = caller('OPENID_CONNECT');
const lambda = caller('AWS_LAMBDA');

const multiModeSchema = schemaOf(/* GraphQL */ `
  type Query {
    open: String
    forOidcAndLambda: String @aws_oidc @aws_lambda
    forEveryMode: String @aws_iam @aws_oidc @aws_lambda @aws_api_key @aws_cognito_user_pools
    report: Report @aws_oidc
  }

  type Report @aws_iam @aws_oidc {
    summary: String
    details: String @aws_lambda
  }
`);

describe('field authorization with AWS_IAM as the default mode and every other mode added', () => {
  const isAllowed = createFieldAuthorizer(multiModeSchema, 'AWS_IAM', ['API_KEY', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA']);

  it('admits only the default mode where no directive applies', () => {
    expect([iam, oidc, lambda, apiKeyCaller, signedIn()].map((who) => isAllowed('Query', 'open', who))).toEqual([true, false, false, false, false]);
  });

  it('admits exactly the modes a field names (@aws_iam, @aws_oidc, @aws_lambda, @aws_api_key, @aws_cognito_user_pools)', () => {
    expect([iam, oidc, lambda, apiKeyCaller].map((who) => isAllowed('Query', 'forOidcAndLambda', who))).toEqual([false, true, true, false]);
    expect([iam, oidc, lambda, apiKeyCaller, signedIn()].map((who) => isAllowed('Query', 'forEveryMode', who))).toEqual([true, true, true, true, true]);
  });

  it("applies a type's modes to its fields, and a field's own over them", () => {
    expect([iam, oidc, lambda].map((who) => isAllowed('Report', 'summary', who))).toEqual([true, true, false]);
    expect([iam, oidc, lambda].map((who) => isAllowed('Report', 'details', who))).toEqual([false, false, true]);
  });

  it("refuses a Lambda authorizer's deniedFields even where the directives admit Lambda callers", () => {
    expect(isAllowed('Query', 'forOidcAndLambda', caller('AWS_LAMBDA', ['Query.forOidcAndLambda']))).toBe(false);
    expect(isAllowed('Report', 'details', caller('AWS_LAMBDA', ['Query.forOidcAndLambda']))).toBe(true);
  });
});

describe('@aws_auth on an API whose only mode is its user pool', () => {
  const schema = schemaOf(/* GraphQL */ `
    type Query {
      secret: String @aws_auth(cognito_groups: ["admins"])
      anyUser: String @aws_auth
      open: String
      outer: Outer @aws_auth
    }

    type Outer {
      scalar: String @aws_auth(cognito_groups: ["admins"])
    }
  `);
  const isAllowed = createFieldAuthorizer(schema, 'AMAZON_COGNITO_USER_POOLS');

  it('admits only members of its cognito_groups, as @aws_cognito_user_pools would', () => {
    expect(isAllowed('Query', 'secret', signedIn('admins'))).toBe(true);
    expect(isAllowed('Query', 'secret', signedIn('readers'))).toBe(false);
    expect(isAllowed('Query', 'anyUser', signedIn())).toBe(true);
    expect(isAllowed('Query', 'open', signedIn())).toBe(true);
  });

  it('applies on Query, Mutation and Subscription fields only (aws-appsync-community#275)', () => {
    expect(isAllowed('Query', 'outer', signedIn('readers'))).toBe(true);
    expect(isAllowed('Outer', 'scalar', signedIn('readers'))).toBe(true);
  });

  it('is refused as soon as the API has another mode', () => {
    expect(() => createFieldAuthorizer(schema, 'AMAZON_COGNITO_USER_POOLS', ['AWS_IAM'])).toThrow(/Query\.secret: @aws_auth applies only/);
  });
});

describe('schemas the authorizer refuses', () => {
  it('refuses @aws_auth, which AppSync ignores next to additional authorization modes', () => {
    const schema = schemaOf('type Query { secret: String @aws_auth(cognito_groups: ["admins"]) }');
    expect(() => createFieldAuthorizer(schema, 'API_KEY')).toThrow(/Query\.secret: @aws_auth .* @aws_cognito_user_pools/);
  });

  it('refuses a schema built without the AppSync prelude', () => {
    expect(() => createFieldAuthorizer(buildSchema('type Query { a: String }'), 'API_KEY')).toThrow(/appsync-prelude/);
  });
});
