import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalUserPoolKeys, type LocalUserPoolKeys } from '../auth/local-jwks.ts';
import { sharedDynamoDBEndpoint, testDynamoDBClient, uniqueTableName } from '../dynamodb/test-support.ts';
import { signRequest } from '../http/sigv4-signer.ts';
import { startStandInEndpoint, type StandInEndpoint } from '../http/test-support.ts';
import { loadResolverDefinitions, localUserPool, mintIdToken, startAppSyncApi, type AppSyncApi, type DataSourceConfig } from '../index.ts';
import { RealtimeClient } from '../realtime/test-support.ts';
import type { StackApi } from './api-from-stack.ts';
import { pickApi } from './pick-api.ts';
import { servedAuthorization } from './serve-authorization.ts';
import { stackDataSources } from './stack-data-sources.ts';

// Cloud assemblies of public CDK apps nobody here wrote (test-fixtures/public,
// each with a SOURCE.md naming its repository, commit and license), served as
// `appsync-local serve` serves them and used as the apps' own clients would.

const FIXTURES = fileURLToPath(new URL('../test-fixtures/public/', import.meta.url));
const client = await testDynamoDBClient();
const authDirectory = mkdtempSync(join(tmpdir(), 'public-fixtures-auth-'));
// where servedAuthorization keeps the local user pool's key and IAM user, as serve keeps them in .appsync-local/auth
let userPoolKeys: LocalUserPoolKeys;

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; errorType?: string }[];
}

interface ServedFixture {
  api: StackApi;
  server: AppSyncApi;
  /** each DynamoDB data source's table name in the shared DynamoDB Local */
  tableNames: Record<string, string>;
  /** the local IAM user's credentials, when the API has AWS_IAM */
  iamCredentials?: { accessKeyId: string; secretAccessKey: string };
  /** posts an operation with the API's key, or with the headers given */
  request(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse>;
}

/**
 * The assembly's API wired as `appsync-local serve` wires it (its data
 * sources, with `--http-endpoint` as `httpEndpoints`, and its auth modes),
 * with the template's tables under names of this run's own in the shared
 * DynamoDB Local.
 */
async function serveFixture(name: string, { apiName, httpEndpoints }: { apiName?: string; httpEndpoints?: string[] } = {}): Promise<ServedFixture> {
  const api = pickApi(join(FIXTURES, name), undefined, apiName);
  expect(api.unsupported).toEqual([]);
  const prefix = `${uniqueTableName(name)}-`;
  const localTableName = (tableName: string) => `${prefix}${tableName}`;
  const dataSources = stackDataSources(api, { client, endpoint: await sharedDynamoDBEndpoint(), localTableName }, httpEndpoints);
  const authorization = await servedAuthorization(api, authDirectory);
  const server = await startAppSyncApi({
    schema: api.schema,
    resolvers: () => loadResolverDefinitions(api.resolvers, api.functions),
    dataSources,
    authorization: authorization.config,
    settings: api.settings,
  });
  const iamMode = [authorization.config.default, ...(authorization.config.additional ?? [])].find((mode) => mode.type === 'AWS_IAM');
  return {
    api,
    server,
    tableNames: Object.fromEntries(dataSources.flatMap((config) => (config.type === 'AMAZON_DYNAMODB' ? [[config.name, config.tableName!]] : []))),
    iamCredentials: iamMode?.type === 'AWS_IAM' ? iamMode.credentials[0] : undefined,
    async request(query, variables = {}, headers = { 'x-api-key': api.apiKeys[0].key }) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as GraphQLResponse;
    },
  };
}

/** A user pool ID token for the fixture's pool, signed with the local key. */
async function asUser(fixture: ServedFixture, username: string) {
  const userPool = fixture.api.userPool!;
  return { authorization: await mintIdToken(userPoolKeys, { username, pool: localUserPool(userPool.userPoolId, userPool.clientId) }) };
}

beforeAll(async () => {
  userPoolKeys = await loadLocalUserPoolKeys({ directory: authDirectory });
});

afterAll(async () => {
  rmSync(authDirectory, { recursive: true, force: true });
});

describe('aws-appsync-resolver-samples dynamodb-todo-app', () => {
  let todos: ServedFixture;
  beforeAll(async () => {
    todos = await serveFixture('dynamodb-todo-app');
  });
  afterAll(() => todos?.server.close());

  const TODO = 'id title description owner';

  it('creates, reads, lists, updates and deletes a todo', async () => {
    const created = await todos.request(`mutation ($input: CreateTodoInput!) { createTodo(input: $input) { ${TODO} } }`, {
      input: { title: 'Write fixtures', description: 'from public apps', owner: 'ada' },
    });
    expect(created.errors).toBeUndefined();
    const todo = (created.data!.createTodo as { id: string });
    expect(todo).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), title: 'Write fixtures', description: 'from public apps', owner: 'ada' });

    expect(await todos.request(`query ($id: ID!) { getTodo(id: $id) { ${TODO} } }`, { id: todo.id })).toEqual({
      data: { getTodo: todo },
    });
    expect(await todos.request(`{ listTodos(limit: 10) { items { ${TODO} } nextToken } }`)).toEqual({
      data: { listTodos: { items: [todo], nextToken: null } },
    });

    const updated = await todos.request(`mutation ($input: UpdateTodoInput!) { updateTodo(input: $input) { ${TODO} } }`, {
      input: { id: todo.id, title: 'Fixtures written', owner: null },
    });
    expect(updated).toEqual({ data: { updateTodo: { id: todo.id, title: 'Fixtures written', description: 'from public apps', owner: null } } });

    const deleted = await todos.request(`mutation ($id: ID!) { deleteTodo(input: { id: $id }) { id title } }`, { id: todo.id });
    expect(deleted).toEqual({ data: { deleteTodo: { id: todo.id, title: 'Fixtures written' } } });
    expect(await todos.request(`query ($id: ID!) { getTodo(id: $id) { id } }`, { id: todo.id })).toEqual({ data: { getTodo: null } });
  });

  it('pages through listTodos with the nextToken it returns', async () => {
    for (const title of ['one', 'two', 'three']) {
      await todos.request('mutation ($title: String) { createTodo(input: { title: $title }) { id } }', { title });
    }
    const first = await todos.request('{ listTodos(limit: 2) { items { title } nextToken } }');
    const page = first.data!.listTodos as { items: { title: string }[]; nextToken: string };
    expect(page.items).toHaveLength(2);
    expect(page.nextToken).toEqual(expect.any(String));
    const second = await todos.request('query ($next: String) { listTodos(limit: 2, nextToken: $next) { items { title } } }', {
      next: page.nextToken,
    });
    const titles = [...page.items, ...(second.data!.listTodos as { items: { title: string }[] }).items].map(({ title }) => title);
    expect(titles.sort()).toEqual(['one', 'three', 'two']);
  });

  it("answers the app's own condition failure when updating a todo that does not exist", async () => {
    const missing = await todos.request('mutation { updateTodo(input: { id: "nope", title: "x" }) { id } }');
    expect(missing.data).toEqual({ updateTodo: null });
    expect(missing.errors).toEqual([
      expect.objectContaining({
        errorType: 'DynamoDB:ConditionalCheckFailedException',
        message: expect.stringMatching(/^The conditional request failed/),
      }),
    ]);
  });
});

describe('aws-appsync-resolver-samples pub-sub-app', () => {
  let pubsub: ServedFixture;
  beforeAll(async () => {
    pubsub = await serveFixture('pub-sub-app');
  });
  afterAll(() => pubsub?.server.close());

  it('tells who is calling: anonymous with the API key, the username with a user pool token', async () => {
    expect(await pubsub.request('{ whoami }')).toEqual({ data: { whoami: 'anonymous' } });
    expect(await pubsub.request('{ whoami }', {}, await asUser(pubsub, 'grace'))).toEqual({ data: { whoami: 'grace' } });
  });

  it('publishes a message to all, signed by its sender', async () => {
    const published = await pubsub.request(
      'mutation ($input: PublishMessageInput!) { publish(input: $input) { id text from kind to createdAt } }',
      { input: { text: 'hello', kind: 'ALL' } },
      await asUser(pubsub, 'grace'),
    );
    expect(published).toEqual({
      data: {
        publish: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          text: 'hello',
          from: 'grace',
          kind: 'ALL',
          to: null,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
        },
      },
    });
  });

  it("refuses what the app's resolver refuses: direct messages from anonymous callers, 'to' on a message to all", async () => {
    const anonymousDirect = await pubsub.request('mutation { publish(input: { text: "psst", kind: DIRECT, to: "ada" }) { id } }');
    expect(anonymousDirect).toEqual({
      data: { publish: null },
      errors: [expect.objectContaining({ errorType: 'ApplicationError', message: 'Anonymous user cannot send direct messages' })],
    });
    const allWithTo = await pubsub.request(
      'mutation { publish(input: { text: "hi", kind: ALL, to: "ada" }) { id } }',
      {},
      await asUser(pubsub, 'grace'),
    );
    expect(allWithTo.errors).toEqual([expect.objectContaining({ errorType: 'ApplicationError', message: "Cannot specify 'to' in an 'ALL' message" })]);
  });

  it('sends a direct message from a signed-in user', async () => {
    const direct = await pubsub.request(
      'mutation { publish(input: { text: "psst", kind: DIRECT, to: "ada" }) { from to kind } }',
      {},
      await asUser(pubsub, 'grace'),
    );
    expect(direct).toEqual({ data: { publish: { from: 'grace', to: 'ada', kind: 'DIRECT' } } });
  });
  it("delivers messages to all to every subscriber, and a direct message only to its addressee, by the app's enhanced filters", async () => {
    const host = new URL(pubsub.server.url).host;
    const grace = await asUser(pubsub, 'grace');
    const ada = await asUser(pubsub, 'ada');
    const anonymous = await RealtimeClient.connect(pubsub.server, { host, 'x-api-key': pubsub.api.apiKeys[0].key });
    const asAda = await RealtimeClient.connect(pubsub.server, { host, ...ada });
    const subscription = 'subscription { onPublish { text from kind to } }';
    expect((await anonymous.start('1', subscription, {}, { host, 'x-api-key': pubsub.api.apiKeys[0].key })).type).toBe('start_ack');
    expect((await asAda.start('1', subscription, {}, { host, ...ada })).type).toBe('start_ack');

    const publish = 'mutation ($input: PublishMessageInput!) { publish(input: $input) { text from kind to } }';
    await pubsub.request(publish, { input: { text: 'psst', kind: 'DIRECT', to: 'ada' } }, grace);
    await pubsub.request(publish, { input: { text: 'hello all', kind: 'ALL' } }, grace);

    expect((await asAda.next('data', '1')).payload).toEqual({ data: { onPublish: { text: 'psst', from: 'grace', kind: 'DIRECT', to: 'ada' } } });
    expect((await asAda.next('data', '1')).payload).toEqual({ data: { onPublish: { text: 'hello all', from: 'grace', kind: 'ALL', to: null } } });
    expect((await anonymous.next('data', '1')).payload).toEqual({ data: { onPublish: { text: 'hello all', from: 'grace', kind: 'ALL', to: null } } });
    expect(anonymous.dataFor('1')).toHaveLength(1);
    await Promise.all([anonymous.close(), asAda.close()]);
  });
});

describe('serverless-patterns appsync-dynamodb-singletable-cdk', () => {
  let singleTable: ServedFixture;
  beforeAll(async () => {
    singleTable = await serveFixture('appsync-dynamodb-singletable-cdk');
  });
  afterAll(() => singleTable?.server.close());

  it('stores a parent and its children under one partition key and reads them back together', async () => {
    const parent = await singleTable.request(
      'mutation { createParentItem(PK: "family#1", SK: "parent", data: "Ada", type: "parent") { PK SK data type } }',
    );
    expect(parent).toEqual({ data: { createParentItem: { PK: 'family#1', SK: 'parent', data: 'Ada', type: 'parent' } } });
    for (const [sk, data] of [['child#1', 'Byron'], ['child#2', 'Anne']]) {
      const child = await singleTable.request(
        'mutation ($SK: String!, $data: String!) { createChildItem(PK: "family#1", SK: $SK, data: $data, type: "child") { PK SK data } }',
        { SK: sk, data },
      );
      expect(child).toEqual({ data: { createChildItem: { PK: 'family#1', SK: sk, data } } });
    }
    await singleTable.request('mutation { createChildItem(PK: "family#2", SK: "child#1", data: "Other", type: "child") { PK } }');

    expect(await singleTable.request('{ getParentWithChildren(PK: "family#1") { PK SK data type children { SK data type } } }')).toEqual({
      data: {
        getParentWithChildren: {
          PK: 'family#1',
          SK: 'parent',
          data: 'Ada',
          type: 'parent',
          children: [
            { SK: 'child#1', data: 'Byron', type: 'child' },
            { SK: 'child#2', data: 'Anne', type: 'child' },
          ],
        },
      },
    });
  });
});

describe('appsync-bedrock-sample-with-ai-agent, its car dealer API', () => {
  let dealer: ServedFixture;
  beforeAll(async () => {
    dealer = await serveFixture('appsync-bedrock-sample-with-ai-agent', { apiName: 'AI-Agent-Playground-CarDealerApi' });
  });
  afterAll(() => dealer?.server.close());

  it('adds a car with the API key and lists it to API key and user pool callers alike', async () => {
    const added = await dealer.request(
      'mutation { addCar(model: "Model T", make: "Ford", year: 1908, color: "black", price: 850) { id model make year color price } }',
    );
    expect(added).toEqual({
      data: { addCar: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), model: 'Model T', make: 'Ford', year: 1908, color: 'black', price: 850 } },
    });
    const car = (added.data!.addCar as { id: string });
    expect(await dealer.request('{ listCars { id model } }')).toEqual({ data: { listCars: [{ id: car.id, model: 'Model T' }] } });
    expect(await dealer.request('{ listCars { id model } }', {}, await asUser(dealer, 'ada'))).toEqual({
      data: { listCars: [{ id: car.id, model: 'Model T' }] },
    });
  });

  it('keeps mutations to API key callers, as the schema says (type Mutation @aws_api_key)', async () => {
    const bySignedInUser = await dealer.request(
      'mutation { addCar(model: "Beetle", make: "VW", year: 1938, color: "blue", price: 990) { id } }',
      {},
      await asUser(dealer, 'ada'),
    );
    expect(bySignedInUser.data).toBeNull();
    expect(bySignedInUser.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    expect((await dealer.request('{ listCars { model } }')).data!.listCars).not.toContainEqual({ model: 'Beetle' });
  });

  it('records an email and lists it', async () => {
    expect(await dealer.request('mutation { sendEmail(to: "ada@example.com", title: "Offer", body: "A Model T") }')).toEqual({
      data: { sendEmail: 'Email Sent!' },
    });
    expect(await dealer.request('{ listEmails { to title body timestamp } }')).toEqual({
      data: {
        listEmails: [
          { to: 'ada@example.com', title: 'Offer', body: 'A Model T', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
        ],
      },
    });
  });

  it('adds a salesperson', async () => {
    const added = await dealer.request('mutation { addSalesperson(name: "Grace") { id name } }');
    expect(added).toEqual({ data: { addSalesperson: { id: expect.any(String), name: 'Grace' } } });
    expect(await dealer.request('{ listSalespeople { name } }')).toEqual({ data: { listSalespeople: [{ name: 'Grace' }] } });
  });

  it("denies every caller the fields of Customer, whose misspelt directives leave it only @aws_iam, a mode the API lacks", async () => {
    const added = await dealer.request('mutation { addCustomer(name: "Ada", email: "ada@example.com") { id name } }');
    expect(added.data).toBeNull();
    expect(added.errors).toEqual(expect.arrayContaining([expect.objectContaining({ errorType: 'Unauthorized' })]));
    const listed = await dealer.request('{ listCustomers { name } }', {}, await asUser(dealer, 'ada'));
    expect(listed.errors).toEqual(expect.arrayContaining([expect.objectContaining({ errorType: 'Unauthorized' })]));
  });
  it('records a sale with its pipeline, which then stops where the app gives DynamoDB an untyped key', async () => {
    const car = (await dealer.request('mutation { addCar(model: "Mini", make: "BMC", year: 1959, color: "red", price: 500) { id } }'))
      .data!.addCar as { id: string };
    // the first function writes the sale; the second (linkCustomer) names its key { id: "c1" } rather than { id: { S: "c1" } }
    const sale = await dealer.request('mutation ($car: ID!) { makeSale(car: $car, customer: "c1", salesperson: "s1", finalPrice: 450) { id } }', {
      car: car.id,
    });
    expect(sale.data).toBeNull();
    expect(sale.errors).toEqual([expect.objectContaining({ path: ['makeSale'], message: expect.stringContaining('key.id') })]);
    expect(await dealer.request('{ listSales { finalPrice car { model } } }')).toEqual({
      data: { listSales: [{ finalPrice: 450, car: { model: 'Mini' } }] },
    });
  });

  it("answers a salesperson's empty sales from the response handler, which ignores the data source's error", async () => {
    await dealer.request('mutation { addSalesperson(name: "Linus") { id } }');
    const listed = await dealer.request('{ listSalespeople { name sales { id } } }');
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.listSalespeople).toContainEqual({ name: 'Linus', sales: [] });
  });
});

describe('aws-cdk-examples appsync-graphql-dynamodb (AWS_IAM)', () => {
  let cars: ServedFixture;
  beforeAll(async () => {
    cars = await serveFixture('appsync-graphql-dynamodb');
  });
  afterAll(() => cars?.server.close());

  /** A POST signed with SigV4 for the service `appsync`, as Amplify and the AWS SDK sign AppSync requests. */
  async function signedRequest(query: string, variables: Record<string, unknown> = {}) {
    const body = JSON.stringify({ query, variables });
    const { host: _host, ...headers } = await signRequest(
      { method: 'POST', url: new URL(`${cars.server.url}/graphql`), headers: { 'content-type': 'application/json' }, body },
      { region: 'eu-central-1', service: 'appsync', credentials: cars.iamCredentials! },
    );
    const response = await fetch(`${cars.server.url}/graphql`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  it('answers a signed getCar with the car and its defects from the GSI, through two pipeline resolvers', async () => {
    await client.send(
      new PutItemCommand({
        TableName: cars.tableNames.CarsDataSource,
        Item: { licenseplate: { S: '12-AB-34' }, brand: { S: 'VOLKSWAGEN' }, firstcolor: { S: 'BLUE' }, tradename: { S: 'GOLF' } },
      }),
    );
    for (const [id, description] of [['d1', 'brake light'], ['d2', 'tyre tread']]) {
      await client.send(
        new PutItemCommand({
          TableName: cars.tableNames.DefectsDataSource,
          Item: { id: { S: id }, licenseplate: { S: '12-AB-34' }, defectdescription: { S: description } },
        }),
      );
    }
    const { status, body } = await signedRequest('query ($plate: String!) { getCar(licenseplate: $plate) { brand tradename defects { defectdescription } } }', {
      plate: '12-AB-34',
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const car = body.data!.getCar as { brand: string; tradename: string; defects: { defectdescription: string }[] };
    expect(car.brand).toBe('VOLKSWAGEN');
    expect(car.tradename).toBe('GOLF');
    expect(car.defects.map((defect) => defect.defectdescription).sort()).toEqual(['brake light', 'tyre tread']);
  });

  it('refuses an unsigned request to its IAM-only API with 403 MissingAuthenticationTokenException (aws-amplify/amplify-js#1311)', async () => {
    const response = await fetch(`${cars.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ getCar(licenseplate: "X") { brand } }' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      errors: [{ errorType: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' }],
    });
    expect((await signedRequest('{ getCar(licenseplate: "NOPE") { brand } }')).body).toEqual({ data: { getCar: null } });
  });
});

describe('aws-cdk-examples appsync-graphql-http', () => {
  let posts: ServedFixture;
  let jsonPlaceholder: StandInEndpoint;
  beforeAll(async () => {
    // stands in for https://jsonplaceholder.typicode.com, answering as it does
    jsonPlaceholder = await startStandInEndpoint((request) => {
      const id = /^\/posts\/(\d+)$/.exec(request.url)?.[1];
      if (request.method === 'GET' && request.url === '/posts') {
        return { status: 200, body: JSON.stringify([{ userId: 1, id: 1, title: 'first', body: 'one' }, { userId: 1, id: 2, title: 'second', body: 'two' }]) };
      }
      if (request.method === 'GET' && id === '1') {
        return { status: 200, body: JSON.stringify({ userId: 1, id: 1, title: 'first', body: 'one' }) };
      }
      if (request.method === 'POST' && request.url === '/posts') {
        return { status: 201, body: JSON.stringify({ ...JSON.parse(request.body), id: 101 }) };
      }
      if (request.method === 'DELETE' && id) {
        return { status: 200, body: '{}' };
      }
      return { status: 404, body: '{}' };
    });
    posts = await serveFixture('appsync-graphql-http', { httpEndpoints: [`PostsApiDataSource=${jsonPlaceholder.url}`] });
  });
  afterAll(async () => {
    await posts?.server.close();
    await jsonPlaceholder?.close();
  });

  it('lists and reads posts from the HTTP endpoint', async () => {
    expect(await posts.request('{ all { id title } }')).toEqual({ data: { all: [{ id: 1, title: 'first' }, { id: 2, title: 'second' }] } });
    expect(await posts.request('{ getOne(id: 1) { id userId title body } }')).toEqual({
      data: { getOne: { id: 1, userId: 1, title: 'first', body: 'one' } },
    });
  });

  it('saves a post, sending its input as the JSON body, and deletes one', async () => {
    const saved = await posts.request('mutation { save(postInput: { userId: 7, title: "new", body: "text" }) { id userId title } }');
    expect(saved).toEqual({ data: { save: { id: 101, userId: 7, title: 'new' } } });
    expect(JSON.parse(jsonPlaceholder.received.at(-1)!.body)).toEqual({ userId: 7, title: 'new', body: 'text' });
    expect(await posts.request('mutation { delete(id: 1) }')).toEqual({ data: { delete: '{}' } });
  });

  it("answers the endpoint's 404 as the app's resolver does: null with the status as errorType", async () => {
    const missing = await posts.request('{ getOne(id: 9) { id } }');
    expect(missing.data).toEqual({ getOne: null });
    expect(missing.errors).toEqual([expect.objectContaining({ errorType: '404', message: '{}' })]);
  });
});
