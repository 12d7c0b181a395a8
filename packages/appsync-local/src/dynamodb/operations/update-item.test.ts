import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, postsTable, testDynamoDBClient } from '../test-support.ts';
import { createDynamoDBDataSource } from '../data-source.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html

const client = await testDynamoDBClient();
let tableName: string;
const dataSource = () => createDynamoDBDataSource({ name: 'posts', client, tableName });

async function storePost(id: string) {
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: { id: { S: id }, title: { S: 'Old title' }, version: { N: '1' }, upvotes: { N: '5' } },
    }),
  );
}

beforeAll(async () => {
  tableName = await createTestTable(client, postsTable);
});

describe('UpdateItem', () => {
  it('applies the update expression and returns the whole item after it (ALL_NEW)', async () => {
    await storePost('update-1');
    const outcome = await dataSource().invoke({
      operation: 'UpdateItem',
      key: { id: { S: 'update-1' } },
      update: {
        expression: 'SET #title = :title ADD #upvotes :one, #version :one',
        expressionNames: { '#title': 'title', '#upvotes': 'upvotes', '#version': 'version' },
        expressionValues: { ':title': { S: 'New title' }, ':one': { N: 1 } },
      },
    });
    expect(outcome).toEqual({ result: { id: 'update-1', title: 'New title', version: 2, upvotes: 6 } });
  });

  it("updates when the condition holds, its placeholders merged with the update's", async () => {
    await storePost('update-2');
    const outcome = await dataSource().invoke({
      operation: 'UpdateItem',
      key: { id: { S: 'update-2' } },
      update: {
        expression: 'SET #title = :title',
        expressionNames: { '#title': 'title' },
        expressionValues: { ':title': { S: 'Kept' } },
      },
      condition: {
        expression: '#version = :expectedVersion',
        expressionNames: { '#version': 'version' },
        expressionValues: { ':expectedVersion': { N: 1 } },
      },
    });
    expect(outcome.result).toMatchObject({ title: 'Kept' });
    expect(outcome.error).toBeUndefined();
  });

  it('rejects a failed condition with ConditionalCheckFailedException, the stored item as ctx.result, and changes nothing', async () => {
    await storePost('update-3');
    const outcome = await dataSource().invoke({
      operation: 'UpdateItem',
      key: { id: { S: 'update-3' } },
      update: { expression: 'SET title = :title', expressionValues: { ':title': { S: 'Lost' } } },
      condition: {
        expression: 'version = :expectedVersion',
        expressionValues: { ':expectedVersion': { N: 7 } },
        equalsIgnore: ['version'],
      },
    });
    expect(outcome.error).toEqual({
      type: 'DynamoDB:ConditionalCheckFailedException',
      message: expect.stringMatching(/^The conditional request failed/),
    });
    expect(outcome.result).toEqual({ id: 'update-3', title: 'Old title', version: 1, upvotes: 5 });
    const item = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { id: { S: 'update-3' } }, ConsistentRead: true }),
    );
    expect(item.Item?.title).toEqual({ S: 'Old title' });
  });

  it('gives ctx.result null with the error when the conditioned item does not exist', async () => {
    const outcome = await dataSource().invoke({
      operation: 'UpdateItem',
      key: { id: { S: 'update-missing' } },
      update: { expression: 'SET title = :title', expressionValues: { ':title': { S: 'x' } } },
      condition: { expression: 'attribute_exists(id)' },
    });
    expect(outcome).toEqual({
      result: null,
      error: expect.objectContaining({ type: 'DynamoDB:ConditionalCheckFailedException' }),
    });
  });

  it('answers a request without an update section with a MappingTemplate error', async () => {
    const outcome = await dataSource().invoke({ operation: 'UpdateItem', key: { id: { S: 'update-1' } } });
    expect(outcome).toEqual({ result: null, error: { type: 'MappingTemplate', message: "Value for field '$[update]' not found." } });
  });
});
