import { describe, expect, it } from 'vitest';
import { get, put, remove, update } from './item-requests.ts';
import { operations } from './operations.ts';

// Expected values, where marked "recorded": what AWS's EvaluateCode returned,
// from localstack/appsync-utils __tests__/__snapshots__/index.test.js.snap, and
// EvaluateCode outputs published with resolver tests on GitHub.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

describe('get', () => {
  it('recorded: a key', () => {
    expect(get({ key: { id: 'id' } })).toEqual({ operation: 'GetItem', key: { id: { S: 'id' } } });
  });

  it('consistent reads and projections', () => {
    expect(get({ key: { eventId: 'e1' }, consistentRead: true, projection: ['id', 'address.city', 'tags[0]'] })).toEqual({
      operation: 'GetItem',
      key: { eventId: { S: 'e1' } },
      consistentRead: true,
      projection: {
        expression: '#id, #address.#city, #tags[0]',
        expressionNames: { '#id': 'id', '#address': 'address', '#city': 'city', '#tags': 'tags' },
      },
    });
  });

  it('refuses a missing key', () => {
    expect(() => get({})).toThrow('get: key must be an object');
  });
});

describe('put', () => {
  it('recorded: the item goes to attributeValues, the key stays apart', () => {
    expect(put({ key: { id: 'abc' }, item: { value: 10 } })).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'abc' } },
      attributeValues: { value: { N: 10 } },
    });
  });

  it('the create of Mutation.createEvent: only if no event has that id', () => {
    const item = { title: 'Launch', capacity: 50, status: 'DRAFT', itemType: 'EVENT', createdAt: 't', updatedAt: 't', version: 1 };
    expect(put({ key: { eventId: 'e1' }, item, condition: { eventId: { attributeExists: false } } })).toEqual({
      operation: 'PutItem',
      key: { eventId: { S: 'e1' } },
      attributeValues: {
        title: { S: 'Launch' },
        capacity: { N: 50 },
        status: { S: 'DRAFT' },
        itemType: { S: 'EVENT' },
        createdAt: { S: 't' },
        updatedAt: { S: 't' },
        version: { N: 1 },
      },
      condition: { expression: '(attribute_not_exists(#eventId))', expressionNames: { '#eventId': 'eventId' }, expressionValues: {} },
    });
  });

  it('passes the delta-sync options through', () => {
    expect(put({ key: { id: 1 }, item: {}, customPartitionKey: 'pk', populateIndexFields: true, _version: 3 })).toEqual({
      operation: 'PutItem',
      key: { id: { N: 1 } },
      attributeValues: {},
      customPartitionKey: 'pk',
      populateIndexFields: true,
      _version: 3,
    });
  });

  it('refuses a condition AWS could not render', () => {
    expect(() => put({ key: { id: 1 }, item: {}, condition: { id: 'x' } })).toThrow('put: condition is not a valid filter object');
  });
});

describe('remove', () => {
  it('recorded: a key', () => {
    expect(remove({ key: { id: 'test' } })).toEqual({ operation: 'DeleteItem', key: { id: { S: 'test' } } });
  });

  it('the delete of deleteEventItem: only the version that was read', () => {
    expect(remove({ key: { eventId: 'e1' }, condition: { version: { eq: 2 } } })).toEqual({
      operation: 'DeleteItem',
      key: { eventId: { S: 'e1' } },
      condition: { expression: '(#version = :version_eq)', expressionNames: { '#version': 'version' }, expressionValues: { ':version_eq': { N: 2 } } },
    });
  });
});

describe('update', () => {
  const key = { id: 'test' };

  function updateOf(changes: Record<string, unknown>) {
    return update({ key, update: changes }).update;
  }

  it('recorded: add sets the attribute', () => {
    expect(update({ key, update: { age: operations.add(10) } })).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'test' } },
      update: { expression: 'SET #expName_1 = :expValue_1', expressionNames: { '#expName_1': 'age' }, expressionValues: { ':expValue_1': { N: 10 } } },
    });
  });

  it('recorded: append uses list_append', () => {
    expect(updateOf({ values: operations.append([1, 2, 3]) })).toEqual({
      expression: 'SET #expName_1 = list_append(#expName_1, :expValue_1)',
      expressionNames: { '#expName_1': 'values' },
      expressionValues: { ':expValue_1': { L: [{ N: 1 }, { N: 2 }, { N: 3 }] } },
    });
  });

  it('recorded: decrement subtracts from the attribute itself', () => {
    expect(updateOf({ currentView: operations.decrement(1) })).toEqual({
      expression: 'SET #expName_1 = #expName_1 - :expValue_1',
      expressionNames: { '#expName_1': 'currentView' },
      expressionValues: { ':expValue_1': { N: 1 } },
    });
  });

  it('recorded: plain values are numbered in order, null sets NULL', () => {
    const changes = { name: 'Toni Test', imageUrl: null, backgroundImageUrl: null, bio: 'The test bio', location: null, website: null, birthdate: null };
    const fields = Object.keys(changes);
    expect(updateOf(changes)).toEqual({
      expression: `SET ${fields.map((_, index) => `#expName_${index + 1} = :expValue_${index + 1}`).join(', ')}`,
      expressionNames: Object.fromEntries(fields.map((field, index) => [`#expName_${index + 1}`, field])),
      expressionValues: Object.fromEntries(Object.values(changes).map((value, index) => [`:expValue_${index + 1}`, value === null ? { NULL: null } : { S: value }])),
    });
  });

  it('increment adds to the attribute itself', () => {
    expect(updateOf({ age: operations.increment(10) })).toEqual({
      expression: 'SET #expName_1 = #expName_1 + :expValue_1',
      expressionNames: { '#expName_1': 'age' },
      expressionValues: { ':expValue_1': { N: 10 } },
    });
  });

  it('prepend, replace, remove and list items', () => {
    expect(
      updateOf({
        values: operations.prepend([1]),
        address: operations.replace({ city: 'Paris' }),
        oldField: operations.remove(),
        friendsIds: [operations.updateListItem('102', 1), operations.updateListItem('112', 2)],
      }),
    ).toEqual({
      expression:
        'SET #expName_1 = list_append(:expValue_1, #expName_1), #expName_2 = :expValue_2, #expName_4[1] = :expValue_3, #expName_4[2] = :expValue_4 REMOVE #expName_3',
      expressionNames: { '#expName_1': 'values', '#expName_2': 'address', '#expName_3': 'oldField', '#expName_4': 'friendsIds' },
      expressionValues: {
        ':expValue_1': { L: [{ N: 1 }] },
        ':expValue_2': { M: { city: { S: 'Paris' } } },
        ':expValue_3': { S: '102' },
        ':expValue_4': { S: '112' },
      },
    });
  });

  it('a plain object updates only the members it names; a plain list is set whole', () => {
    expect(updateOf({ info: { address: operations.replace({ zip: '10001' }), phone: '555' }, tags: ['a'] })).toEqual({
      expression: 'SET #expName_1.#expName_2 = :expValue_1, #expName_1.#expName_3 = :expValue_2, #expName_4 = :expValue_3',
      expressionNames: { '#expName_1': 'info', '#expName_2': 'address', '#expName_3': 'phone', '#expName_4': 'tags' },
      expressionValues: { ':expValue_1': { M: { zip: { S: '10001' } } }, ':expValue_2': { S: '555' }, ':expValue_3': { L: [{ S: 'a' }] } },
    });
  });

  it('skips undefined members', () => {
    expect(updateOf({ kept: 1, skipped: undefined }).expression).toBe('SET #expName_1 = :expValue_1');
  });

  it('the write of updateEventItem: same version, and a status the lifecycle allows', () => {
    const request = update({
      key: { eventId: 'e1' },
      update: { title: 'New title', status: 'CANCELLED', updatedAt: '2025-06-01T00:00:00.000Z', version: operations.increment(1) },
      condition: { and: [{ version: { eq: 3 } }, { or: [{ status: { eq: 'DRAFT' } }, { status: { eq: 'PUBLISHED' } }, { status: { eq: 'ACTIVE' } }] }] },
    });
    expect(request).toEqual({
      operation: 'UpdateItem',
      key: { eventId: { S: 'e1' } },
      update: {
        expression: 'SET #expName_1 = :expValue_1, #expName_2 = :expValue_2, #expName_3 = :expValue_3, #expName_4 = #expName_4 + :expValue_4',
        expressionNames: { '#expName_1': 'title', '#expName_2': 'status', '#expName_3': 'updatedAt', '#expName_4': 'version' },
        expressionValues: {
          ':expValue_1': { S: 'New title' },
          ':expValue_2': { S: 'CANCELLED' },
          ':expValue_3': { S: '2025-06-01T00:00:00.000Z' },
          ':expValue_4': { N: 1 },
        },
      },
      condition: {
        expression:
          '((#version = :and_0_version_eq) AND ((#status = :and_1_or_0_status_eq) OR (#status = :and_1_or_1_status_eq) OR (#status = :and_1_or_2_status_eq)))',
        expressionNames: { '#version': 'version', '#status': 'status' },
        expressionValues: {
          ':and_0_version_eq': { N: 3 },
          ':and_1_or_0_status_eq': { S: 'DRAFT' },
          ':and_1_or_1_status_eq': { S: 'PUBLISHED' },
          ':and_1_or_2_status_eq': { S: 'ACTIVE' },
        },
      },
    });
  });

  it('the write of updateEventItem with one allowed previous status has no redundant parentheses', () => {
    const { condition } = update({
      key: { eventId: 'e1' },
      update: { status: 'PUBLISHED' },
      condition: { and: [{ version: { eq: 1 } }, { or: [{ status: { eq: 'DRAFT' } }] }] },
    });
    expect(condition?.expression).toBe('((#version = :and_0_version_eq) AND (#status = :and_1_or_0_status_eq))');
  });
});
