import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDBClient } from '../dynamodb/client.ts';
import type { RecordedEvent } from '../eventbridge/eventbridge-data-source.ts';
import { LOCAL_SIGNING_CREDENTIALS } from '../http/sigv4-signer.ts';
import { startStandInEndpoint, verifySigV4, type StandInEndpoint } from '../http/test-support.ts';
import { loadResolverDefinitions } from '../resolver-definitions.ts';
import { postGraphQL } from '../server/test-support.ts';
import { startAppSyncApi, type AppSyncApi } from '../start-appsync-api.ts';
import { apiFromStack, appSyncApisOf, type StackApi } from './api-from-stack.ts';
import { loadCloudAssembly } from './load-assembly.ts';
import { UsageError } from './pick-api.ts';
import { dataSourceBanner, stackDataSources } from './stack-data-sources.ts';

// The assembly test-fixtures/datasources-app synthesizes with aws-cdk-lib: an
// API on a Node.js Lambda function (with a batched resolver), two HTTP data
// sources (one SigV4-signed) and an EventBridge bus, served as `serve` serves
// it, with the HTTP endpoints replaced by a stand-in on 127.0.0.1.

const ASSEMBLY = fileURLToPath(new URL('../test-fixtures/datasources-assembly', import.meta.url));
const assembly = loadCloudAssembly(ASSEMBLY);
// one API in each of the app's two stacks: the served one, and the one with functions that cannot run here
const [servedApi, refusedApi] = appSyncApisOf(assembly);

describe('Lambda, HTTP and EventBridge data sources of a synthesized stack', () => {
  const api = apiFromStack(assembly, servedApi);

  it('reads each with what serving it takes', () => {
    expect(api.unsupported).toEqual([]);
    expect(api.serviceDataSources).toEqual([
      {
        type: 'AWS_LAMBDA',
        name: 'posts',
        function: {
          functionName: 'PostsFunction3DC4AEDB',
          codeDirectory: expect.stringMatching(/datasources-assembly\/asset\.[0-9a-f]{64}$/),
          handler: 'index.handler',
          runtime: 'nodejs22.x',
          environment: { AUTHOR_PREFIX: 'author' },
          timeoutSeconds: 2,
        },
      },
      {
        type: 'HTTP',
        name: 'weather',
        endpoint: 'https://weather.example.com',
        signing: { region: 'eu-west-1', service: 'execute-api' },
      },
      { type: 'HTTP', name: 'status', endpoint: 'https://status.example.com' },
      { type: 'AMAZON_EVENTBRIDGE', name: 'orders', eventBusName: 'orders' },
    ]);
    expect(api.resolvers.find((resolver) => resolver.fieldName === 'author')).toMatchObject({ maxBatchSize: 2 });
  });

  it('refuses functions that are not Node.js code, naming them', () => {
    expect(apiFromStack(assembly, refusedApi).unsupported).toEqual([
      'data source python (ApipythonB3FCB4D2): Lambda function PythonFunction0BCF77FD: runtime python3.12 is not run locally (Node.js functions only)',
      'data source image (ApiimageA5F700D2): Lambda function ImageFunctionE28774B0: container images are not run locally (Node.js functions only)',
    ]);
  });

  it('takes --http-endpoint DATASOURCE=URL for HTTP data sources only', () => {
    expect(() => stackDataSources(api, undefined, ['posts=http://127.0.0.1:1'])).toThrow(
      new UsageError("--http-endpoint posts: the API's HTTP data sources are weather, status"),
    );
    expect(() => stackDataSources(api, undefined, ['weather'])).toThrow(new UsageError('--http-endpoint takes DATASOURCE=URL, not weather'));
  });

  it("points Lambda functions' AWS SDK at the local DynamoDB, when the API has one", () => {
    const dynamodb = { client: createDynamoDBClient({ endpoint: 'http://127.0.0.1:8000' }), endpoint: 'http://127.0.0.1:8000' };
    const [posts] = stackDataSources(api, dynamodb);
    expect(posts).toMatchObject({
      type: 'AWS_LAMBDA',
      function: {
        environment: { AUTHOR_PREFIX: 'author', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', AWS_ACCESS_KEY_ID: 'local' },
      },
    });
  });

  it('names in the banner where each goes, and the credentials HTTP requests are signed with', () => {
    expect(dataSourceBanner(stackDataSources(api, undefined, ['status=http://127.0.0.1:1']))).toEqual([
      'Data source       posts: Lambda PostsFunction3DC4AEDB (index.handler, run in a worker thread)',
      'Data source       weather: HTTP https://weather.example.com (SigV4 eu-west-1/execute-api)',
      'Data source       status: HTTP http://127.0.0.1:1',
      'Data source       orders: EventBridge bus orders (events logged here, never sent)',
      'HTTP signing      access key AKIAAPPSYNCLOCAL0000, secret appsync-local-http-signing-secret (local only)',
    ]);
  });
});

describe('serving them', () => {
  const API_KEY = 'da2-datasources';
  const events: RecordedEvent[] = [];
  let endpoint: StandInEndpoint;
  let server: AppSyncApi;

  beforeAll(async () => {
    endpoint = await startStandInEndpoint((request) => {
      const city = new URL(request.url, endpoint.url).searchParams.get('city');
      return request.url.startsWith('/status')
        ? { status: 503, body: 'maintenance' }
        : { status: 200, body: JSON.stringify({ city, forecast: 'sunny', signed: verifySigV4(request, LOCAL_SIGNING_CREDENTIALS) }) };
    });
    const api: StackApi = apiFromStack(assembly, servedApi);
    const dataSources = stackDataSources(api, undefined, [`weather=${endpoint.url}`, `status=${endpoint.url}`]).map((config) =>
      config.type === 'AMAZON_EVENTBRIDGE' ? { ...config, onEvent: (event: RecordedEvent) => events.push(event) } : config,
    );
    server = await startAppSyncApi({
      schema: api.schema,
      resolvers: () => loadResolverDefinitions(api.resolvers, api.functions),
      dataSources,
      authorization: { default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] } },
    });
  });

  afterAll(async () => {
    await server.close();
    await endpoint.close();
  });

  const query = (text: string) => postGraphQL(server.url, text, { 'x-api-key': API_KEY });

  it("runs the function's handler from its asset, with its environment, batching the authors of a list", async () => {
    const { body } = await query('{ getPost(id: "7") { id title } listPosts { id author { name batchSize } } }');
    expect(body).toEqual({
      data: {
        getPost: { id: '7', title: 'post 7' },
        listPosts: [
          { id: '1', author: { name: 'author a1', batchSize: 2 } },
          { id: '2', author: { name: 'author a2', batchSize: 2 } },
          { id: '3', author: { name: 'author a3', batchSize: 1 } },
        ],
      },
    });
  });

  it('sends Direct Lambda Resolvers the whole context, batched by MaxBatchSize', async () => {
    const { body } = await query('{ whoCalled(name: "Ada") listPosts { id commentCount } }');
    expect(body).toEqual({
      data: {
        whoCalled: 'Query.whoCalled for Ada (0 fields selected)',
        listPosts: [
          { id: '1', commentCount: 10 },
          { id: '2', commentCount: 20 },
          { id: '3', commentCount: 30 },
        ],
      },
    });
  });

  it("reports the function's error as AppSync does", async () => {
    const { body } = await query('{ getPost(id: "missing") { id } }');
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'Lambda:Unhandled', message: 'post missing not found' })]);
  });

  it('sends HTTP requests to the endpoints given, signed where the template asks', async () => {
    const { body } = await query('{ weather(city: "Lyon") { city forecast signed } status }');
    expect(body).toEqual({ data: { weather: { city: 'Lyon', forecast: 'sunny', signed: true }, status: '503 maintenance' } });
    expect(endpoint.received.find((request) => request.url.startsWith('/status'))?.headers.authorization).toBeUndefined();
  });

  it('records the events put on the bus and answers with their EventId', async () => {
    const { body } = await query('mutation { placeOrder(id: "o-7") { id eventId } }');
    expect(body).toEqual({ data: { placeOrder: { id: 'o-7', eventId: events[0].eventId } } });
    expect(events).toEqual([expect.objectContaining({ eventBusName: 'orders', source: 'shop.orders', detailType: 'OrderPlaced', detail: { id: 'o-7' } })]);
  });
});
