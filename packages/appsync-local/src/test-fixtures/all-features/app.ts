// A CDK app that uses every part of a cloud assembly `appsync-local serve`
// reads, synthesized into ./cdk.out (committed). Regenerate from the
// repository root, after deleting cdk.out (synth leaves stale assets behind):
//   npx cdk synth --quiet --app 'npx tsx packages/appsync-local/src/test-fixtures/all-features/app.ts' -o packages/appsync-local/src/test-fixtures/all-features/cdk.out
//
// - stack Shared: a GlobalTable (TableV2) and a value, both exported;
// - Stage Beta, stack Api: a condition on a parameter, the Posts API
//   (S3-located schema, code from assets and inline, a pipeline, ctx.env with
//   Fn::ImportValue and Fn::If, an API key only where a false condition
//   holds; AWS_IAM, OPENID_CONNECT and AWS_LAMBDA, its authorizer a Node.js
//   function asset, next to API_KEY; a Node.js Lambda, a SigV4-signed HTTP
//   and an EventBridge data source; a subscription) whose table lives in the
//   nested stack Tables
//   (parameters in, outputs back; LSI, TTL, KEYS_ONLY and INCLUDE indexes),
//   and the nested stack Status with a second API.
// New data sources and auth modes go into PostsApi (a data source, a field
// and a resolver each).
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { App, CfnCondition, CfnOutput, CfnParameter, Fn, NestedStack, Stack, Stage } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const RUNTIME = appsync.FunctionRuntime.JS_1_0_0;
const NOTES_TABLE_EXPORT = 'all-features-notes-table';
const GREETING_EXPORT = 'all-features-greeting';

class SharedStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const notes = new dynamodb.TableV2(this, 'Notes', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: 'expiresAt',
    });
    new CfnOutput(this, 'NotesTableName', { value: notes.tableName, exportName: NOTES_TABLE_EXPORT });
    new CfnOutput(this, 'Greeting', { value: 'hello from Shared', exportName: GREETING_EXPORT });
  }
}

/** The posts table, in a nested stack whose parameter prefixes its name. */
class TablesStack extends NestedStack {
  readonly posts: dynamodb.Table;

  constructor(scope: Construct, id: string, tablePrefix: string) {
    super(scope, id, { parameters: { TablePrefix: tablePrefix } });
    const prefix = new CfnParameter(this, 'TablePrefix', { type: 'String' });
    this.posts = new dynamodb.Table(this, 'Posts', {
      tableName: Fn.join('-', [prefix.valueAsString, 'posts']),
      partitionKey: { name: 'author', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'createdAt', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
    });
    this.posts.addLocalSecondaryIndex({ indexName: 'byTitle', sortKey: { name: 'title', type: dynamodb.AttributeType.STRING } });
    this.posts.addGlobalSecondaryIndex({
      indexName: 'titles',
      partitionKey: { name: 'title', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });
    this.posts.addGlobalSecondaryIndex({
      indexName: 'byDay',
      partitionKey: { name: 'day', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'createdAt', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: ['title'],
    });
  }
}

/** A second API, in a nested stack of its own: one field on a NONE data source, code inline. */
class StatusStack extends NestedStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const api = new appsync.GraphqlApi(this, 'StatusApi', {
      name: 'status',
      definition: appsync.Definition.fromSchema(appsync.SchemaFile.fromAsset(here('status.graphql'))),
    });
    api.addNoneDataSource('none').createResolver('Status', {
      typeName: 'Query',
      fieldName: 'status',
      runtime: RUNTIME,
      code: appsync.Code.fromInline('export function request() { return {}; }\nexport function response() { return "OK"; }\n'),
    });
  }
}

class PostsApi extends Construct {
  constructor(scope: Construct, id: string, props: { posts: dynamodb.ITable; isBeta: CfnCondition; isProd: CfnCondition }) {
    super(scope, id);
    const notes = dynamodb.Table.fromTableName(this, 'Notes', Fn.importValue(NOTES_TABLE_EXPORT));
    const nodeFunction = (id: string, directory: string, environment?: Record<string, string>) =>
      new lambda.Function(this, id, {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromAsset(here(`functions/${directory}`)),
        environment,
      });
    const authorizer = nodeFunction('Authorizer', 'authorizer');
    authorizer.addPermission('AppSyncInvoke', { principal: new iam.ServicePrincipal('appsync.amazonaws.com') });
    const api = new appsync.CfnGraphQLApi(this, 'Api', {
      name: 'posts',
      authenticationType: 'API_KEY',
      additionalAuthenticationProviders: [
        { authenticationType: 'AWS_IAM' },
        { authenticationType: 'OPENID_CONNECT', openIdConnectConfig: { issuer: 'https://login.example.com/', clientId: 'posts-web' } },
        {
          authenticationType: 'AWS_LAMBDA',
          lambdaAuthorizerConfig: { authorizerUri: authorizer.functionArn, identityValidationExpression: '^allow-.+' },
        },
      ],
      environmentVariables: {
        POSTS_TABLE: props.posts.tableName,
        GREETING: Fn.importValue(GREETING_EXPORT),
        FLAVOUR: Fn.conditionIf(props.isBeta.logicalId, 'beta flavour', 'plain flavour').toString(),
      },
    });
    const schema = new appsync.CfnGraphQLSchema(this, 'Schema', {
      apiId: api.attrApiId,
      definitionS3Location: new Asset(this, 'SchemaAsset', { path: here('schema.graphql') }).s3ObjectUrl,
    });
    new appsync.CfnApiKey(this, 'Key', { apiId: api.attrApiId }).addResourceDependency(schema);
    new appsync.CfnApiKey(this, 'ProdKey', { apiId: api.attrApiId }).cfnOptions.condition = props.isProd;
    const graphqlApi = appsync.GraphqlApi.fromGraphqlApiAttributes(this, 'Imported', { graphqlApiId: api.attrApiId });
    const postsSource = graphqlApi.addDynamoDbDataSource('PostsSource', props.posts, { name: 'posts' });
    const notesSource = graphqlApi.addDynamoDbDataSource('NotesSource', notes, { name: 'notes' });
    const none = graphqlApi.addNoneDataSource('NoneSource', { name: 'none' });
    const words = graphqlApi.addLambdaDataSource('WordsSource', nodeFunction('Words', 'words', { COUNTED_BY: 'words' }), { name: 'words' });
    const weather = graphqlApi.addHttpDataSource('WeatherSource', 'https://weather.example.com', {
      name: 'weather',
      authorizationConfig: { signingRegion: 'eu-west-1', signingServiceName: 'execute-api' },
    });
    const bus = graphqlApi.addEventBridgeDataSource('BusSource', new events.EventBus(this, 'Bus', { eventBusName: 'posts' }), { name: 'bus' });
    for (const source of [postsSource, notesSource, none, words, weather, bus]) {
      source.node.addDependency(schema);
    }
    const fromAsset = (file: string) => appsync.Code.fromAsset(here(`resolvers/${file}`));
    const putPost = new appsync.AppsyncFunction(this, 'PutPost', {
      api: graphqlApi,
      name: 'putPost',
      dataSource: postsSource,
      runtime: RUNTIME,
      code: fromAsset('putPost.js'),
    });
    const resolve = (typeName: string, fieldName: string, props: Omit<appsync.ResolverProps, 'api' | 'typeName' | 'fieldName' | 'runtime'>) =>
      new appsync.Resolver(this, `${typeName}.${fieldName}`, { api: graphqlApi, typeName, fieldName, runtime: RUNTIME, ...props });
    resolve('Query', 'getPost', { dataSource: postsSource, code: fromAsset('getPost.js') });
    resolve('Query', 'postsByTitle', { dataSource: postsSource, code: fromAsset('postsByTitle.js') });
    resolve('Query', 'note', { dataSource: notesSource, code: fromAsset('note.js') });
    resolve('Mutation', 'addNote', { dataSource: notesSource, code: fromAsset('note.js') });
    resolve('Query', 'env', {
      dataSource: none,
      code: appsync.Code.fromInline('export function request() { return {}; }\nexport function response(ctx) { return JSON.stringify(ctx.env); }\n'),
    });
    resolve('Mutation', 'addPost', { pipelineConfig: [putPost], code: fromAsset('pipeline.js') });
    resolve('Query', 'caller', {
      dataSource: none,
      code: appsync.Code.fromInline(
        "import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return { payload: { authType: util.authType(), identity: ctx.identity } }; }\nexport function response(ctx) { return JSON.stringify(ctx.result); }\n",
      ),
    });
    resolve('Query', 'wordCount', { dataSource: words, code: fromAsset('wordCount.js') });
    resolve('Query', 'forecast', { dataSource: weather, code: fromAsset('forecast.js') });
    resolve('Mutation', 'announcePost', { dataSource: bus, code: fromAsset('announcePost.js') });
  }
}

class ApiStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const flavour = new CfnParameter(this, 'Flavour', { type: 'String', default: 'beta' });
    const isBeta = new CfnCondition(this, 'IsBeta', { expression: Fn.conditionEquals(flavour.valueAsString, 'beta') });
    const isProd = new CfnCondition(this, 'IsProd', {
      expression: Fn.conditionAnd(Fn.conditionNot(isBeta), Fn.conditionEquals(flavour.valueAsString, 'prod')),
    });
    const tables = new TablesStack(this, 'Tables', this.stackName);
    new PostsApi(this, 'Posts', { posts: tables.posts, isBeta, isProd });
    new StatusStack(this, 'Status');
  }
}

const app = new App();
new SharedStack(app, 'Shared');
const beta = new Stage(app, 'Beta');
new ApiStack(beta, 'Api');
app.synth();
