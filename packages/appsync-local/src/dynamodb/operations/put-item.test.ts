import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, postsTable, testDynamoDBClient } from '../test-support.ts';
import { createDynamoDBDataSource } from '../data-source.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-putitem.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html

const client = await testDynamoDBClient();
let tableName: string;
const dataSource = () => createDynamoDBDataSource({ name: 'people', client, tableName });

async function stored(id: string) {
  return (await client.send(new GetItemCommand({ TableName: tableName, Key: { id: { S: id } }, ConsistentRead: true })))
    .Item;
}

async function storeSteveAtVersion8(id: string) {
  // the item of the docs' "Checking for the desired result" example
  await client.send(
    new PutItemCommand({ TableName: tableName, Item: { id: { S: id }, name: { S: 'Steve' }, version: { N: '8' } } }),
  );
}

beforeAll(async () => {
  tableName = await createTestTable(client, postsTable);
});

describe('PutItem', () => {
  it('writes key and attributeValues and returns the item as written', async () => {
    const outcome = await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-1' } },
      attributeValues: { name: { S: 'Nadia' }, version: { N: 1 }, phoneNumbers: { SS: ['+1 555 123 4567'] } },
    });
    expect(outcome).toEqual({ result: { id: 'put-1', name: 'Nadia', version: 1, phoneNumbers: ['+1 555 123 4567'] } });
    expect(await stored('put-1')).toEqual({
      id: { S: 'put-1' },
      name: { S: 'Nadia' },
      version: { N: '1' },
      phoneNumbers: { SS: ['+1 555 123 4567'] },
    });
  });

  it('overwrites an existing item when there is no condition (docs: condition expressions, example 1)', async () => {
    await storeSteveAtVersion8('put-2');
    const outcome = await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-2' } },
      attributeValues: { name: { S: 'Bob' } },
    });
    expect(outcome).toEqual({ result: { id: 'put-2', name: 'Bob' } });
    expect(await stored('put-2')).toEqual({ id: { S: 'put-2' }, name: { S: 'Bob' } });
  });

  it('writes when the condition holds (docs: condition expressions, example 2)', async () => {
    const outcome = await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-3' } },
      attributeValues: { name: { S: 'Ann' } },
      condition: { expression: 'attribute_not_exists(id)' },
    });
    expect(outcome).toEqual({ result: { id: 'put-3', name: 'Ann' } });
  });

  it('rejects a failed condition with ConditionalCheckFailedException and the stored item as ctx.result', async () => {
    await storeSteveAtVersion8('put-4');
    const outcome = await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-4' } },
      attributeValues: { name: { S: 'Bob' } },
      condition: { expression: 'attribute_not_exists(id)' },
    });
    expect(outcome.error).toEqual({
      type: 'DynamoDB:ConditionalCheckFailedException',
      message: expect.stringMatching(/^The conditional request failed/),
    });
    expect(outcome.result).toEqual({ id: 'put-4', name: 'Steve', version: 8 });
    expect(await stored('put-4')).toEqual({ id: { S: 'put-4' }, name: { S: 'Steve' }, version: { N: '8' } });
  });

  it('counts a failed condition as a success when the stored item is the one it tried to write', async () => {
    await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-5' } },
      attributeValues: { name: { S: 'Ann' }, tags: { SS: ['a', 'b'] } },
    });
    const retried = await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-5' } },
      attributeValues: { name: { S: 'Ann' }, tags: { SS: ['b', 'a'] } },
      condition: { expression: 'attribute_not_exists(id)' },
    });
    expect(retried).toEqual({ result: { id: 'put-5', name: 'Ann', tags: expect.arrayContaining(['a', 'b']) } });
  });

  it('leaves the equalsIgnore attributes out of that comparison (docs: "Checking for the desired result")', async () => {
    await storeSteveAtVersion8('put-6');
    const expectedVersion = 1;
    const request = {
      operation: 'PutItem',
      key: { id: { S: 'put-6' } },
      attributeValues: { name: { S: 'Steve' }, version: { N: expectedVersion + 1 } },
      condition: {
        expression: 'version = :expectedVersion',
        expressionValues: { ':expectedVersion': { N: expectedVersion } },
        equalsIgnore: ['version'],
      },
    };
    // "it treats the operation as successful and returns the item that was retrieved from DynamoDB"
    expect(await dataSource().invoke(request)).toEqual({ result: { id: 'put-6', name: 'Steve', version: 8 } });
    const withoutIgnore = { ...request, condition: { ...request.condition, equalsIgnore: [] } };
    expect((await dataSource().invoke(withoutIgnore)).error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
  });

  it('reads the stored item eventually consistently when the condition says consistentRead: false', async () => {
    await storeSteveAtVersion8('put-7');
    const outcome = await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-7' } },
      attributeValues: { name: { S: 'Bob' } },
      condition: { expression: 'attribute_not_exists(id)', consistentRead: false },
    });
    expect(outcome.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(outcome.result).toEqual({ id: 'put-7', name: 'Steve', version: 8 });
  });

  it('rejects when the Custom strategy would call a Lambda function, and says it is not emulated', async () => {
    await storeSteveAtVersion8('put-8');
    const outcome = await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-8' } },
      attributeValues: { name: { S: 'Bob' } },
      condition: {
        expression: 'attribute_not_exists(id)',
        conditionalCheckFailedHandler: {
          strategy: 'Custom',
          lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:decide',
        },
      },
    });
    expect(outcome.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(outcome.error?.message).toMatch(/Custom conditionalCheckFailedHandler .* not emulated/);
  });

  it('ignores the fields only versioned data sources use', async () => {
    const outcome = await dataSource().invoke({
      operation: 'PutItem',
      key: { id: { S: 'put-9' } },
      attributeValues: { name: { S: 'Ann' } },
      _version: 3,
      customPartitionKey: 'pk',
      populateIndexFields: true,
    });
    expect(outcome).toEqual({ result: { id: 'put-9', name: 'Ann' } });
  });
});
