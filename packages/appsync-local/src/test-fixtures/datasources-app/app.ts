// A small CDK app whose AppSync API uses Lambda, HTTP and EventBridge data
// sources, synthesized into ../datasources-assembly for the tests of
// `appsync-local serve`. Regenerate (from the repository root) with:
//   npx tsx packages/appsync-local/src/test-fixtures/datasources-app/app.ts
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const OUT = here('../datasources-assembly');

function code(request: string, response = 'return ctx.result;') {
  return appsync.Code.fromInline(`import { util } from '@aws-appsync/utils';
export function request(ctx) {
  ${request}
}
export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  ${response}
}
`);
}

rmSync(OUT, { recursive: true, force: true });
const app = new App({ outdir: OUT });

const stack = new Stack(app, 'DataSources');
const api = new appsync.GraphqlApi(stack, 'Api', {
  name: 'datasources',
  definition: appsync.Definition.fromFile(here('schema.graphql')),
});
const posts = new lambda.Function(stack, 'PostsFunction', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(here('function')),
  timeout: Duration.seconds(2),
  environment: { AUTHOR_PREFIX: 'author' },
});
const postsSource = api.addLambdaDataSource('posts', posts);
const js = { runtime: appsync.FunctionRuntime.JS_1_0_0 };
postsSource.createResolver('GetPost', {
  typeName: 'Query',
  fieldName: 'getPost',
  ...js,
  code: code(`return { operation: 'Invoke', payload: { field: 'getPost', id: ctx.args.id } };`),
});
postsSource.createResolver('ListPosts', {
  typeName: 'Query',
  fieldName: 'listPosts',
  ...js,
  code: code(`return { operation: 'Invoke', payload: { field: 'listPosts' } };`),
});
postsSource.createResolver('PostAuthor', {
  typeName: 'Post',
  fieldName: 'author',
  ...js,
  code: appsync.Code.fromAsset(here('Post.author.js')),
  maxBatchSize: 2,
});

const weather = api.addHttpDataSource('weather', 'https://weather.example.com', {
  authorizationConfig: { signingRegion: 'eu-west-1', signingServiceName: 'execute-api' },
});
weather.createResolver('Weather', {
  typeName: 'Query',
  fieldName: 'weather',
  ...js,
  code: code(
    `return { method: 'GET', resourcePath: '/forecast', params: { query: { city: ctx.args.city } } };`,
    `const body = JSON.parse(ctx.result.body);
  return { city: body.city, forecast: body.forecast, signed: body.signed };`,
  ),
});
api.addHttpDataSource('status', 'https://status.example.com').createResolver('Status', {
  typeName: 'Query',
  fieldName: 'status',
  ...js,
  code: code(`return { method: 'GET', resourcePath: '/status' };`, 'return ctx.result.statusCode + " " + ctx.result.body;'),
});

const bus = new events.EventBus(stack, 'Orders', { eventBusName: 'orders' });
api.addEventBridgeDataSource('orders', bus).createResolver('PlaceOrder', {
  typeName: 'Mutation',
  fieldName: 'placeOrder',
  ...js,
  code: code(
    `return {
    operation: 'PutEvents',
    events: [{ source: 'shop.orders', detailType: 'OrderPlaced', detail: { id: ctx.args.id } }],
  };`,
    'return { id: ctx.args.id, eventId: ctx.result.Entries[0].EventId };',
  ),
});

// An API whose functions cannot run locally: a Python one and a container image.
const refused = new Stack(app, 'Refused');
const refusedApi = new appsync.GraphqlApi(refused, 'Api', {
  name: 'refused',
  definition: appsync.Definition.fromSchema(appsync.SchemaFile.fromAsset(here('schema.graphql'))),
});
refusedApi.addLambdaDataSource(
  'python',
  new lambda.Function(refused, 'PythonFunction', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(event, context):\n    return event\n'),
  }),
);
refusedApi.addLambdaDataSource(
  'image',
  new lambda.Function(refused, 'ImageFunction', {
    runtime: lambda.Runtime.FROM_IMAGE,
    handler: lambda.Handler.FROM_IMAGE,
    code: lambda.Code.fromEcrImage(ecr.Repository.fromRepositoryName(refused, 'Repo', 'posts')),
  }),
);

app.synth();
