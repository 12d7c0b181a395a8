// appsync-local's public API: serve an AppSync API locally, evaluate one
// handler as AppSync's EvaluateCode does, and the pieces an app or its tests
// need around them (DynamoDB Local, local user pool tokens).

export {
  BadRequestException,
  evaluateCode,
  type AppSyncRuntime,
  type CodeError,
  type EvaluateCodeErrorDetail,
  type EvaluateCodeInput,
  type EvaluateCodeOutput,
} from './evaluate-code.ts';
export {
  APPSYNC_DEFAULT_SETTINGS,
  startAppSyncApi,
  type AppSyncApi,
  type AppSyncApiOptions,
  type DataSourceConfig,
} from './start-appsync-api.ts';
export {
  loadResolverDefinitions,
  type FunctionCode,
  type LoadResolversOptions,
  type ResolverCode,
} from './resolver-definitions.ts';
export {
  SUPPORTED_AUTHORIZATION_TYPES,
  type AuthorizationConfig,
  type AuthorizationMode,
  type AuthorizationType,
} from './auth/authorization-modes.ts';
export type { ApiKey } from './auth/api-key-authenticator.ts';
export { createCognitoAuthenticator, type CognitoAuthenticatorOptions } from './auth/cognito-authenticator.ts';
export { createFieldAuthorizer } from './auth/field-authorizer.ts';
export { buildAppSyncSchema } from './graphql/build-schema.ts';
export { PARSER_LIMITS } from './graphql/parser-limits.ts';
export {
  localUserSub,
  mintAccessToken,
  mintIdToken,
  TOKEN_LIFETIME_SECONDS,
  type CognitoTokenOptions,
} from './auth/cognito-tokens.ts';
export { loadLocalUserPoolKeys, type LocalUserPoolKeys } from './auth/local-jwks.ts';
export { localUserPool, LOCAL_USER_POOL, type UserPoolIdentity } from './auth/local-user-pool.ts';
export { createDynamoDBClient } from './dynamodb/client.ts';
export { startDynamoDBLocal, type DynamoDBLocal } from './dynamodb/dynamodb-local.ts';
export {
  superviseDynamoDBLocal,
  type SupervisedDynamoDBLocal,
  type SupervisionOptions,
} from './dynamodb/supervised-dynamodb-local.ts';
export { endpointProblem } from './dynamodb/probe-endpoint.ts';
export { killWithParent } from './dynamodb/kill-with-parent.ts';
export { ensureTable } from './dynamodb/ensure-table.ts';
export { APPSYNC_EXECUTION_TIMEOUT_MS } from './engine/resolve-field.ts';
export { collapseRepeats, type RepeatedLines } from './server/repeated-lines.ts';
export { SIGN_IN_PATH, type LocalServer } from './server/start-local-server.ts';
export { DEFAULT_REALTIME_SETTINGS } from './realtime/realtime-endpoint.ts';
export { REALTIME_PATH } from './realtime/handshake-authorization.ts';
export type { RealtimeSettings } from './realtime/realtime-connection.ts';
export { SUBSCRIPTION_FILTER_LIMITS } from './realtime/subscription-filter-match.ts';
export type { ReadMetrics } from './dynamodb/data-source.ts';
export type { TableDefinition } from './dynamodb/table-definition.ts';
export type {
  ApiSettings,
  AuthenticatedCaller,
  AuthMode,
  FieldAuthorizer,
  DataSourceError,
  HandlerName,
  Identity,
  ResolverDefinition,
  ResolverError,
} from './types.ts';
