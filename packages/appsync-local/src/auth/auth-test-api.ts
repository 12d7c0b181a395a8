import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadResolverDefinitions } from '../resolver-definitions.ts';
import { startAppSyncApi, type AppSyncApi } from '../start-appsync-api.ts';
import type { AuthorizationConfig } from './authorization-modes.ts';

// A small API for the tests of each authorization mode, on a NONE data
// source (no DynamoDB): every field answers the caller's `util.authType()`
// and `ctx.identity` as JSON, so a test sees what resolvers see.

const AUTH_TEST_SCHEMA = /* GraphQL */ `
  type Query {
    whoAmI: String @aws_api_key @aws_iam @aws_oidc @aws_lambda @aws_cognito_user_pools
    apiKeyOnly: String @aws_api_key
    iamOnly: String @aws_iam
    oidcOnly: String @aws_oidc
    lambdaOnly: String @aws_lambda
    defaultModeOnly: String
  }
`;

const WHO_AM_I = `import { util } from '@aws-appsync/utils';
export function request(ctx) { return { payload: JSON.stringify({ authType: util.authType(), identity: ctx.identity }) }; }
export function response(ctx) { return ctx.result; }
`;

const FIELDS = ['whoAmI', 'apiKeyOnly', 'iamOnly', 'oidcOnly', 'lambdaOnly', 'defaultModeOnly'];

export function startAuthTestApi(authorization: AuthorizationConfig): Promise<AppSyncApi> {
  const root = mkdtempSync(join(tmpdir(), 'auth-test-api-'));
  writeFileSync(join(root, 'whoAmI.js'), WHO_AM_I);
  return startAppSyncApi({
    schema: AUTH_TEST_SCHEMA,
    resolvers: () =>
      loadResolverDefinitions(
        FIELDS.map((fieldName) => ({ kind: 'UNIT', typeName: 'Query', fieldName, dataSource: 'none', codeFile: 'whoAmI.js' })),
        [],
        { root },
      ),
    dataSources: [{ type: 'NONE', name: 'none' }],
    authorization,
  });
}

export interface GraphQLAnswer {
  status: number;
  body: {
    data?: Record<string, string | null> | null;
    errors?: { errorType?: string; message: string }[];
  };
}

export async function answerOf(response: Response): Promise<GraphQLAnswer> {
  return { status: response.status, body: await response.json() };
}

/** `util.authType()` and `ctx.identity` as the resolver of `field` saw them. */
export function seenByResolver(answer: GraphQLAnswer, field = 'whoAmI'): { authType: string; identity: Record<string, unknown> } {
  return JSON.parse(answer.body.data?.[field] ?? 'null');
}

