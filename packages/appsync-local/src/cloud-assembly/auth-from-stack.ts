import type { LambdaFunctionDefinition } from '../lambda/lambda-function.ts';

// The OPENID_CONNECT and AWS_LAMBDA modes of an API, as its template
// configures them (on the API itself for the default mode, in
// AdditionalAuthenticationProviders for the others).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-appsync-graphqlapi.html
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_OpenIDConnectConfig.html
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_LambdaAuthorizerConfig.html

type Properties = Record<string, unknown>;

export interface OidcProviderConfig {
  issuer: string;
  /** a regular expression the tokens' `aud` must match */
  clientId?: string;
  /** IatTTL: milliseconds after `iat` a token is accepted */
  iatTtlMs?: number;
  /** AuthTTL: milliseconds after `auth_time` a token is accepted */
  authTtlMs?: number;
}

export interface LambdaAuthorizerConfig {
  function: LambdaFunctionDefinition;
  /** AuthorizerResultTtlInSeconds; AppSync's default is 0, no caching */
  resultTtlSeconds?: number;
  identityValidationExpression?: string;
}

/** The Node.js function an ARN names in the stack, or why it cannot run here. */
export type FunctionLookup = (arn: unknown) => { function: LambdaFunctionDefinition } | { unsupported: string };

export interface StackAuthConfigs {
  oidc?: OidcProviderConfig;
  lambdaAuthorizer?: LambdaAuthorizerConfig;
  /** what cannot be served, one line each */
  unsupported: string[];
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `api` and its additional providers: the OIDC and Lambda configurations they carry. */
export function authConfigsOf(apiLogicalId: string, api: Properties, findFunction: FunctionLookup): StackAuthConfigs {
  const providers = [api, ...((api.AdditionalAuthenticationProviders ?? []) as Properties[])];
  const configOf = (type: string, key: string) =>
    providers.find((provider) => provider.AuthenticationType === type)?.[key] as Properties | undefined;
  const result: StackAuthConfigs = { unsupported: [] };
  const oidc = configOf('OPENID_CONNECT', 'OpenIDConnectConfig');
  if (providers.some((provider) => provider.AuthenticationType === 'OPENID_CONNECT')) {
    if (typeof oidc?.Issuer === 'string') {
      result.oidc = {
        issuer: oidc.Issuer,
        clientId: optionalString(oidc.ClientId),
        iatTtlMs: optionalNumber(oidc.IatTTL),
        authTtlMs: optionalNumber(oidc.AuthTTL),
      };
    } else {
      result.unsupported.push(`${apiLogicalId}: OPENID_CONNECT without OpenIDConnectConfig.Issuer`);
    }
  }
  const lambda = configOf('AWS_LAMBDA', 'LambdaAuthorizerConfig');
  if (providers.some((provider) => provider.AuthenticationType === 'AWS_LAMBDA')) {
    const found = findFunction(lambda?.AuthorizerUri);
    if ('function' in found) {
      result.lambdaAuthorizer = {
        function: found.function,
        resultTtlSeconds: optionalNumber(lambda?.AuthorizerResultTtlInSeconds),
        identityValidationExpression: optionalString(lambda?.IdentityValidationExpression),
      };
    } else {
      result.unsupported.push(`${apiLogicalId}: the Lambda authorizer: ${found.unsupported}`);
    }
  }
  return result;
}
