import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  authorsTable,
  createTestTable,
  multiTableDataSource,
  postsTable,
  storedItem,
  testDynamoDBClient,
} from '../test-support.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html

const client = await testDynamoDBClient();
let posts: string;
let authors: string;
const dataSource = () => multiTableDataSource(client);

const stored = (tableName: string, key: Record<string, { S: string }>) => storedItem(client, tableName, key);

/** The docs' example: put a post if its title is still the old one, and rename its author. */
function docsExample(oldTitle: string, condition: Record<string, unknown> = {}) {
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table: posts,
        operation: 'PutItem',
        key: { id: { S: 'p1' } },
        attributeValues: { title: { S: 'New title' }, description: { S: 'New description' } },
        condition: {
          expression: '#title = :title',
          expressionNames: { '#title': 'title' },
          expressionValues: { ':title': { S: oldTitle } },
          ...condition,
        },
      },
      {
        table: authors,
        operation: 'UpdateItem',
        key: { authorId: { S: 'a1' } },
        update: { expression: 'SET authorName = :name', expressionValues: { ':name': { S: 'Renamed' } } },
      },
    ],
  };
}

beforeAll(async () => {
  [posts, authors] = await Promise.all([createTestTable(client, postsTable), createTestTable(client, authorsTable)]);
});

beforeEach(async () => {
  await client.send(
    new PutItemCommand({ TableName: posts, Item: { id: { S: 'p1' }, title: { S: 'Actual old title' } } }),
  );
  await client.send(
    new PutItemCommand({ TableName: authors, Item: { authorId: { S: 'a1' }, authorName: { S: 'Original' } } }),
  );
});

describe('TransactWriteItems', () => {
  it('writes every item and returns their keys in request order', async () => {
    const outcome = await dataSource().invoke(docsExample('Actual old title'));
    expect(outcome).toEqual({ result: { keys: [{ id: 'p1' }, { authorId: 'a1' }], cancellationReasons: null } });
    expect((await stored(authors, { authorId: { S: 'a1' } }))?.authorName).toEqual({ S: 'Renamed' });
  });

  // js-aws-appsync-resolver-reference-dynamodb-transact-write-items: a failed condition's reason is
  // type ConditionCheckFailed (DynamoDB's code is ConditionalCheckFailed); the message is DynamoDB's,
  // which the page does not reword; an item that did not fail reads { type: 'None', message: 'None' }.
  it('writes nothing when a condition fails, and gives a reason per item with the stored item', async () => {
    const outcome = await dataSource().invoke(docsExample('Some other title'));
    expect(outcome).toEqual({
      result: {
        keys: null,
        cancellationReasons: [
          {
            item: { id: 'p1', title: 'Actual old title' },
            type: 'ConditionCheckFailed',
            message: 'The conditional request failed',
          },
          { type: 'None', message: 'None' },
        ],
      },
      error: {
        type: 'DynamoDB:TransactionCanceledException',
        message: expect.stringMatching(/^Transaction cancelled/),
      },
    });
    expect((await stored(authors, { authorId: { S: 'a1' } }))?.authorName).toEqual({ S: 'Original' });
  });

  it('leaves the stored item out when returnValuesOnConditionCheckFailure is false', async () => {
    const outcome = await dataSource().invoke(
      docsExample('Some other title', { returnValuesOnConditionCheckFailure: false }),
    );
    expect((outcome.result as { cancellationReasons: unknown[] }).cancellationReasons[0]).toEqual({
      type: 'ConditionCheckFailed',
      message: 'The conditional request failed',
    });
  });

  it('checks a ConditionCheck item and deletes with DeleteItem', async () => {
    const outcome = await dataSource().invoke({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: authors,
          operation: 'ConditionCheck',
          key: { authorId: { S: 'a1' } },
          condition: { expression: 'attribute_exists(authorId)' },
        },
        {
          table: posts,
          operation: 'DeleteItem',
          key: { id: { S: 'p1' } },
          condition: { expression: 'attribute_exists(id)' },
        },
      ],
    });
    expect(outcome).toEqual({ result: { keys: [{ authorId: 'a1' }, { id: 'p1' }], cancellationReasons: null } });
    expect(await stored(posts, { id: { S: 'p1' } })).toBeUndefined();
  });

  it('cancels when a ConditionCheck fails', async () => {
    const outcome = await dataSource().invoke({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: posts, operation: 'DeleteItem', key: { id: { S: 'p1' } } },
        {
          table: authors,
          operation: 'ConditionCheck',
          key: { authorId: { S: 'nobody' } },
          condition: { expression: 'attribute_exists(authorId)' },
        },
      ],
    });
    expect(outcome.error?.type).toBe('DynamoDB:TransactionCanceledException');
    expect((outcome.result as { cancellationReasons: unknown[] }).cancellationReasons).toEqual([
      { type: 'None', message: 'None' },
      { type: 'ConditionCheckFailed', message: expect.stringMatching(/^The conditional request failed/) },
    ]);
    expect(await stored(posts, { id: { S: 'p1' } })).toBeDefined();
  });

  it('refuses two items on the same key, as DynamoDB does', async () => {
    const outcome = await dataSource().invoke({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: posts, operation: 'DeleteItem', key: { id: { S: 'p1' } } },
        { table: posts, operation: 'PutItem', key: { id: { S: 'p1' } }, attributeValues: {} },
      ],
    });
    expect(outcome.result).toEqual({ keys: null, cancellationReasons: null });
    expect(outcome.error?.type).toBe('DynamoDB:ValidationException');
  });

  it('answers a ConditionCheck without a condition, or an unknown operation, with a MappingTemplate error', async () => {
    const withoutCondition = await dataSource().invoke({
      operation: 'TransactWriteItems',
      transactItems: [{ table: authors, operation: 'ConditionCheck', key: { authorId: { S: 'a1' } } }],
    });
    expect(withoutCondition.error).toEqual({
      type: 'MappingTemplate',
      message: "Value for field '$[transactItems][0][condition]' not found.",
    });
    const unknown = await dataSource().invoke({
      operation: 'TransactWriteItems',
      transactItems: [{ table: authors, operation: 'GetItem', key: { authorId: { S: 'a1' } } }],
    });
    expect(unknown.error?.type).toBe('MappingTemplate');
  });
});
