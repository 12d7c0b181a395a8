// What `Ref` and `Fn::GetAtt` give for a resource that was never deployed:
// a stand-in for its physical id and attributes, stable across runs (so a
// table keeps its data) and unique within the assembly (so two stacks'
// `Table` are two tables). One entry per resource type whose values the
// local runtime reads; any other resource's Ref is its logical id and its
// attributes are `<logicalId>.<attribute>`.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html

export interface StandInResource {
  logicalId: string;
  /** the stack's `AWS::StackName` */
  stackName: string;
  region: string;
  account: string;
  /** one of the resource's properties, resolved */
  property(name: string): unknown;
}

interface StandIn {
  ref?(resource: StandInResource): unknown;
  attributes?: Record<string, (resource: StandInResource) => unknown>;
}

/** Unique in the assembly, as CloudFormation's generated names are (they add a random suffix). */
export function standInName(resource: Pick<StandInResource, 'stackName' | 'logicalId'>): string {
  return `${resource.stackName}-${resource.logicalId}`;
}

function arn(resource: StandInResource, service: string, path: string): string {
  return `arn:aws:${service}:${resource.region}:${resource.account}:${path}`;
}

/** The table's `TableName`, else CloudFormation's `<stack>-<logicalId>` pattern. */
function tableName(resource: StandInResource): string {
  const name = resource.property('TableName');
  return typeof name === 'string' ? name : standInName(resource);
}

const table: StandIn = {
  ref: tableName,
  attributes: {
    Arn: (resource) => arn(resource, 'dynamodb', `table/${tableName(resource)}`),
    StreamArn: (resource) => arn(resource, 'dynamodb', `table/${tableName(resource)}/stream/local`),
  },
};

const apiId = standInName;

const STAND_INS: Record<string, StandIn> = {
  'AWS::DynamoDB::Table': table,
  'AWS::DynamoDB::GlobalTable': table,
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-appsync-graphqlapi.html
  'AWS::AppSync::GraphQLApi': {
    ref: (resource) => arn(resource, 'appsync', `apis/${apiId(resource)}`),
    attributes: {
      ApiId: apiId,
      Arn: (resource) => arn(resource, 'appsync', `apis/${apiId(resource)}`),
      GraphQLUrl: (resource) => `https://${apiId(resource)}.appsync-api.${resource.region}.amazonaws.com/graphql`,
      GraphQLDns: (resource) => `${apiId(resource)}.appsync-api.${resource.region}.amazonaws.com`,
      RealtimeUrl: (resource) => `wss://${apiId(resource)}.appsync-realtime-api.${resource.region}.amazonaws.com/graphql`,
    },
  },
  'AWS::AppSync::FunctionConfiguration': {
    attributes: { FunctionId: standInName, Name: (resource) => resource.property('Name') },
  },
  'AWS::AppSync::DataSource': {
    attributes: { Name: (resource) => resource.property('Name') },
  },
  'AWS::AppSync::ApiKey': {
    attributes: { ApiKey: (resource) => localApiKey(resource.logicalId) },
  },
};

/** The value of a template's API key: fixed, so clients keep working across restarts. */
export function localApiKey(logicalId: string): string {
  return `da2-local-${logicalId.toLowerCase()}`;
}

export function standInRef(type: string, resource: StandInResource): unknown {
  return STAND_INS[type]?.ref?.(resource) ?? resource.logicalId;
}

export function standInAttribute(type: string, resource: StandInResource, attribute: string): unknown {
  const value = STAND_INS[type]?.attributes?.[attribute];
  return value ? value(resource) : `${resource.logicalId}.${attribute}`;
}
