import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from '../auth/test-support.ts';
import { testDynamoDBClient, uniqueTableName } from '../dynamodb/test-support.ts';
import {
  loadResolverDefinitions,
  localUserPool,
  mintIdToken,
  startAppSyncApi,
  type AppSyncApi,
  type AuthorizationMode,
  type AuthorizationType,
  type DataSourceConfig,
} from '../index.ts';
import type { StackApi } from './api-from-stack.ts';
import { pickApi } from './pick-api.ts';

// Cloud assemblies of public CDK apps nobody here wrote (test-fixtures/public,
// each with a SOURCE.md naming its repository, commit and license), served as
// `appsync-local serve` serves them and used as the apps' own clients would.

const FIXTURES = fileURLToPath(new URL('../test-fixtures/public/', import.meta.url));
const client = testDynamoDBClient();
let pool: TemporaryUserPoolKeys;

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; errorType?: string }[];
}

interface ServedFixture {
  api: StackApi;
  server: AppSyncApi;
  /** posts an operation with the API's key, or with the headers given */
  request(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse>;
}

function authorizationMode(type: AuthorizationType, api: StackApi): AuthorizationMode {
  if (type === 'API_KEY') {
    return { type, apiKeys: api.apiKeys };
  }
  if (type === 'AMAZON_COGNITO_USER_POOLS' && api.userPool) {
    return { type, userPool: localUserPool(api.userPool.userPoolId, api.userPool.clientId), jwks: pool.keys.jwks };
  }
  return { type } as AuthorizationMode;
}

/**
 * The assembly's API wired as `appsync-local serve` wires it, with the
 * template's tables under names of this run's own in the shared DynamoDB Local.
 */
async function serveFixture(name: string, apiName?: string): Promise<ServedFixture> {
  const api = pickApi(join(FIXTURES, name), undefined, apiName);
  expect(api.unsupported).toEqual([]);
  const dataSources: DataSourceConfig[] = [
    ...api.tables.map(({ dataSource, table }): DataSourceConfig => ({
      type: 'AMAZON_DYNAMODB',
      name: dataSource,
      client,
      table,
      tableName: uniqueTableName(name),
    })),
    ...api.noneDataSources.map((dataSource): DataSourceConfig => ({ type: 'NONE', name: dataSource })),
  ];
  const server = await startAppSyncApi({
    schema: api.schema,
    resolvers: () => loadResolverDefinitions(api.resolvers, api.functions),
    dataSources,
    authorization: {
      default: authorizationMode(api.defaultAuth, api),
      additional: api.additionalAuth.map((type) => authorizationMode(type, api)),
    },
    settings: api.settings,
  });
  return {
    api,
    server,
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
  return { authorization: await mintIdToken(pool.keys, { username, pool: localUserPool(userPool.userPoolId, userPool.clientId) }) };
}

beforeAll(async () => {
  pool = await temporaryUserPoolKeys();
});

afterAll(async () => {
  await pool?.remove();
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
    dealer = await serveFixture('appsync-bedrock-sample-with-ai-agent', 'AI-Agent-Playground-CarDealerApi');
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
