import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, postsTable, testDynamoDBClient } from '../test-support.ts';
import { createDynamoDBDataSource } from '../data-source.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-deleteitem.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
// ("For the DeleteItem operation … If no item was returned, it treats the operation as successful.")

const client = await testDynamoDBClient();
let tableName: string;
const dataSource = () => createDynamoDBDataSource({ name: 'posts', client, tableName });

async function storePost(id: string) {
  await client.send(
    new PutItemCommand({ TableName: tableName, Item: { id: { S: id }, title: { S: 'Doomed' }, version: { N: '3' } } }),
  );
}

async function exists(id: string) {
  const output = await client.send(
    new GetItemCommand({ TableName: tableName, Key: { id: { S: id } }, ConsistentRead: true }),
  );
  return output.Item !== undefined;
}

beforeAll(async () => {
  tableName = await createTestTable(client, postsTable);
});

describe('DeleteItem', () => {
  it('deletes the item and returns it as it was (docs example 1)', async () => {
    await storePost('delete-1');
    const outcome = await dataSource().invoke({ operation: 'DeleteItem', key: { id: { S: 'delete-1' } } });
    expect(outcome).toEqual({ result: { id: 'delete-1', title: 'Doomed', version: 3 } });
    expect(await exists('delete-1')).toBe(false);
  });

  it('succeeds with a null result when there is no such item', async () => {
    expect(await dataSource().invoke({ operation: 'DeleteItem', key: { id: { S: 'never-stored' } } })).toEqual({
      result: null,
    });
  });

  it('deletes when the version matches (docs example 2)', async () => {
    await storePost('delete-2');
    const outcome = await dataSource().invoke({
      operation: 'DeleteItem',
      key: { id: { S: 'delete-2' } },
      condition: {
        expression: 'attribute_exists(#id) AND #version = :expectedVersion',
        expressionNames: { '#id': 'id', '#version': 'version' },
        expressionValues: { ':expectedVersion': { N: 3 } },
      },
    });
    expect(outcome).toEqual({ result: { id: 'delete-2', title: 'Doomed', version: 3 } });
  });

  it('counts a failed condition as a success when the item is already gone', async () => {
    const outcome = await dataSource().invoke({
      operation: 'DeleteItem',
      key: { id: { S: 'already-gone' } },
      condition: { expression: 'version = :expectedVersion', expressionValues: { ':expectedVersion': { N: 3 } } },
    });
    expect(outcome).toEqual({ result: null });
  });

  it('rejects a failed condition on a stored item with the item as ctx.result, and keeps it', async () => {
    await storePost('delete-3');
    const outcome = await dataSource().invoke({
      operation: 'DeleteItem',
      key: { id: { S: 'delete-3' } },
      condition: { expression: 'version = :expectedVersion', expressionValues: { ':expectedVersion': { N: 2 } } },
    });
    expect(outcome).toEqual({
      result: { id: 'delete-3', title: 'Doomed', version: 3 },
      error: {
        type: 'DynamoDB:ConditionalCheckFailedException',
        message: expect.stringMatching(/^The conditional request failed/),
      },
    });
    expect(await exists('delete-3')).toBe(true);
  });
});
