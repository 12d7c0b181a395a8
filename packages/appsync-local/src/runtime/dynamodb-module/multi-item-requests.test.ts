import { describe, expect, it } from 'vitest';
import { batchDelete, batchGet, batchPut, transactGet, transactWrite } from './multi-item-requests.ts';
import { operations } from './operations.ts';

// The examples of https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html,
// in the request shapes of the BatchGetItem / BatchPutItem / BatchDeleteItem and
// TransactGetItems / TransactWriteItems references.

describe('batch requests', () => {
  it('batchGet keys per table, with read options', () => {
    expect(batchGet({ tables: { post: { keys: [{ id: '1' }, { id: '2' }], consistentRead: false, projection: ['id', 'name'] } } })).toEqual({
      operation: 'BatchGetItem',
      tables: {
        post: {
          keys: [{ id: { S: '1' } }, { id: { S: '2' } }],
          consistentRead: false,
          projection: { expression: '#id, #name', expressionNames: { '#id': 'id', '#name': 'name' } },
        },
      },
    });
  });

  it('batchPut items per table', () => {
    expect(batchPut({ tables: { post: [{ id: 'one', value: 'x' }], comment: [{ id: 'one', text: 'something' }] } })).toEqual({
      operation: 'BatchPutItem',
      tables: {
        post: [{ id: { S: 'one' }, value: { S: 'x' } }],
        comment: [{ id: { S: 'one' }, text: { S: 'something' } }],
      },
    });
  });

  it('batchDelete keys per table', () => {
    expect(batchDelete({ tables: { post: [{ id: 'one' }, { id: 'two' }] } })).toEqual({
      operation: 'BatchDeleteItem',
      tables: { post: [{ id: { S: 'one' } }, { id: { S: 'two' } }] },
    });
  });

  it('refuses tables that are not lists', () => {
    expect(() => batchPut({ tables: { post: { id: 'one' } } })).toThrow('batchPut: tables.post must be a list');
  });
});

describe('transactions', () => {
  it('transactGet', () => {
    expect(transactGet({ items: [{ table: 'post', key: { id: '1' }, projection: ['name'] }, { table: 'post', key: { id: '2' } }] })).toEqual({
      operation: 'TransactGetItems',
      transactItems: [
        { table: 'post', key: { id: { S: '1' } }, projection: { expression: '#name', expressionNames: { '#name': 'name' } } },
        { table: 'post', key: { id: { S: '2' } } },
      ],
    });
  });

  it('transactWrite with each kind of write', () => {
    const request = transactWrite({
      items: [
        { putItem: { table: 'post', key: { id: '1' }, item: { title: 'a' }, condition: { id: { attributeExists: false } } } },
        { deleteItem: { table: 'post', key: { id: '2' } } },
        { updateItem: { table: 'post', key: { id: '3' }, update: { views: operations.increment(1) } } },
        { conditionCheck: { table: 'post', key: { id: '4' }, condition: { published: { eq: true } } } },
      ],
    });
    expect(request).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: 'post',
          operation: 'PutItem',
          key: { id: { S: '1' } },
          attributeValues: { title: { S: 'a' } },
          condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} },
        },
        { table: 'post', operation: 'DeleteItem', key: { id: { S: '2' } } },
        {
          table: 'post',
          operation: 'UpdateItem',
          key: { id: { S: '3' } },
          update: { expression: 'SET #expName_1 = #expName_1 + :expValue_1', expressionNames: { '#expName_1': 'views' }, expressionValues: { ':expValue_1': { N: 1 } } },
        },
        {
          table: 'post',
          operation: 'ConditionCheck',
          key: { id: { S: '4' } },
          condition: { expression: '(#published = :published_eq)', expressionNames: { '#published': 'published' }, expressionValues: { ':published_eq': { BOOL: true } } },
        },
      ],
    });
  });

  it('refuses an unknown kind of write', () => {
    expect(() => transactWrite({ items: [{ upsertItem: { table: 'post', key: { id: '1' } } }] })).toThrow('"upsertItem" is not one of');
  });
});
