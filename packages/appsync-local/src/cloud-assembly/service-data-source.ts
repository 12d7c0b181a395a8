import type { DataSourceConfig } from '../start-appsync-api.ts';
import { LOCAL_REGION } from './load-assembly.ts';
import { lambdaFunctionFromStack, type ResolvedResource } from './lambda-from-stack.ts';

// The data sources of a template that call another service (Lambda, HTTP,
// EventBridge), as startAppSyncApi takes them, or why one cannot be served
// locally.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-appsync-datasource.html

export type ServiceDataSourceFromStack = { config: DataSourceConfig } | { unsupported: string };

/** The data source's config, if its type is one this module reads; undefined for other types. */
export function serviceDataSourceFromStack(
  name: string,
  properties: Record<string, unknown>,
  resources: ResolvedResource[],
  assetFiles: ReadonlyMap<string, string>,
): ServiceDataSourceFromStack | undefined {
  if (properties.Type === 'AWS_LAMBDA') {
    const arn = (properties.LambdaConfig as { LambdaFunctionArn?: unknown } | undefined)?.LambdaFunctionArn;
    const lambda = lambdaFunctionFromStack(arn, resources, assetFiles);
    return 'unsupported' in lambda ? lambda : { config: { type: 'AWS_LAMBDA', name, function: lambda.function } };
  }
  if (properties.Type === 'HTTP') {
    return { config: httpDataSource(name, properties.HttpConfig as HttpConfig) };
  }
  if (properties.Type === 'AMAZON_EVENTBRIDGE') {
    const arn = String((properties.EventBridgeConfig as { EventBusArn?: unknown } | undefined)?.EventBusArn);
    return { config: { type: 'AMAZON_EVENTBRIDGE', name, eventBusName: eventBusName(arn, resources) } };
  }
  return undefined;
}

interface HttpConfig {
  Endpoint: string;
  AuthorizationConfig?: {
    AuthorizationType: string;
    AwsIamConfig?: { SigningRegion?: string; SigningServiceName?: string };
  };
}

function httpDataSource(name: string, config: HttpConfig): DataSourceConfig {
  const authorization = config.AuthorizationConfig;
  if (authorization?.AuthorizationType !== 'AWS_IAM') {
    return { type: 'HTTP', name, endpoint: config.Endpoint };
  }
  const signing = {
    region: authorization.AwsIamConfig?.SigningRegion ?? LOCAL_REGION,
    service: authorization.AwsIamConfig?.SigningServiceName ?? 'execute-api',
  };
  return { type: 'HTTP', name, endpoint: config.Endpoint, signing };
}

/** The bus's name: `Fn::GetAtt` resolves to `<logicalId>.Arn`, a literal ARN ends in `event-bus/<name>`. */
function eventBusName(arn: string, resources: ResolvedResource[]): string {
  const bus = resources.find(([logicalId, resource]) => resource.Type === 'AWS::Events::EventBus' && logicalId === arn.split('.')[0]);
  if (bus) {
    return String(bus[1].Properties.Name);
  }
  return arn.includes(':event-bus/') ? arn.slice(arn.indexOf(':event-bus/') + ':event-bus/'.length) : arn;
}
