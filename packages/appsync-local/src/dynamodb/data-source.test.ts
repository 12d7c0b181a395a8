import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, postsTable, testDynamoDBClient } from './test-support.ts';
import { createDynamoDBClient } from './client.ts';
import { createDynamoDBDataSource } from './data-source.ts';
import { freePort } from './tcp-port.ts';

// The data source as a whole: it answers every request object, well-formed or
// not, with AppSync's `{ result, error }` and never throws.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html

const client = await testDynamoDBClient();
let tableName: string;
const dataSource = () => createDynamoDBDataSource({ name: 'posts', client, tableName });

beforeAll(async () => {
  tableName = await createTestTable(client, postsTable);
});

describe('the DynamoDB data source', () => {
  it('keeps its name', () => {
    expect(dataSource().name).toBe('posts');
  });

  it('answers Sync with an error saying it needs a versioned data source', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
    const outcome = await dataSource().invoke({ operation: 'Sync', limit: 100, lastSync: 1550000000000 });
    expect(outcome).toEqual({
      result: null,
      error: {
        type: 'DynamoDB:UnsupportedOperationException',
        message: expect.stringMatching(/versioned data source/),
      },
    });
  });

  it('answers request objects it cannot read with a MappingTemplate error', async () => {
    const cases: [unknown, string][] = [
      [null, 'the request must be an object'],
      ['GetItem', 'the request must be an object'],
      [{ key: { id: { S: '1' } } }, "Value for field '$[operation]' not found."],
      [{ operation: 'Invoke' }, "Unsupported operation 'Invoke' for a DynamoDB data source"],
      [{ operation: 'toString' }, "Unsupported operation 'toString' for a DynamoDB data source"],
      [{ operation: 'GetItem', key: { id: 'not typed' } }, 'key.id must be a typed value such as { "S": "text" }'],
      [
        { operation: 'GetItem', key: { id: { S: '1', N: 1 } } },
        expect.stringMatching(/key\.id must have exactly one type key/),
      ],
      [
        { operation: 'GetItem', key: { id: { S: '1' } }, consistentRead: 'yes' },
        'consistentRead must be true or false',
      ],
    ];
    for (const [request, message] of cases) {
      expect(await dataSource().invoke(request)).toEqual({ result: null, error: { type: 'MappingTemplate', message } });
    }
  });

  // AppSync names a field the request lacks by its JSON path, errorType MappingTemplate: "Value for
  // field '$[operation]' not found." (unit-resolver.test.ts shows the field failing without a response
  // handler). Nested and listed fields follow the same path notation: our reading of that wording.
  it("names a missing field by its JSON path: Value for field '$[operation]' not found.", async () => {
    const cases: [unknown, string][] = [
      [{ key: { id: { S: '1' } } }, '$[operation]'],
      [{ operation: null }, '$[operation]'],
      [{ operation: 'GetItem' }, '$[key]'],
      [{ operation: 'Query', query: { expressionValues: {} } }, '$[query][expression]'],
      [{ operation: 'TransactGetItems', transactItems: [{ key: { id: { S: '1' } } }] }, '$[transactItems][0][table]'],
    ];
    for (const [request, path] of cases) {
      expect(await dataSource().invoke(request)).toEqual({
        result: null,
        error: { type: 'MappingTemplate', message: `Value for field '${path}' not found.` },
      });
    }
  });

  it('takes null for an absent optional field, as resolver code often sets them', async () => {
    const outcome = await dataSource().invoke({
      operation: 'Scan',
      index: null,
      limit: null,
      nextToken: null,
      filter: null,
      projection: null,
      consistentRead: null,
    });
    expect(outcome).toEqual({ result: { items: [], nextToken: null, scannedCount: 0 } });
  });

  it('reports an unreachable DynamoDB in ctx.error instead of throwing', async () => {
    const nowhere = createDynamoDBClient({ endpoint: `http://127.0.0.1:${await freePort()}` });
    const outcome = await createDynamoDBDataSource({ name: 'posts', client: nowhere, tableName }).invoke({
      operation: 'GetItem',
      key: { id: { S: '1' } },
    });
    expect(outcome).toEqual({
      result: null,
      error: { type: 'DynamoDB:InternalServerError', message: expect.stringMatching(/^DynamoDB could not be reached/) },
    });
  });

  it('starts no call once its signal is aborted, answering ExecutionTimeoutException', async () => {
    const outcome = await dataSource().invoke(
      { operation: 'PutItem', key: { id: { S: 'after-deadline' } }, attributeValues: {} },
      { signal: AbortSignal.abort() },
    );
    expect(outcome).toEqual({
      result: null,
      error: { type: 'DynamoDB:ExecutionTimeoutException', message: 'Execution timed out.' },
    });
    const stored = await dataSource().invoke({ operation: 'GetItem', key: { id: { S: 'after-deadline' } } });
    expect(stored).toEqual({ result: null });
  });
});
