import { describe, expect, it } from 'vitest';
import { asOperation, operations } from './operations.ts';

// Expected shapes: what AWS returns for each operation, recorded in
// localstack/appsync-utils __tests__/__snapshots__/index.test.js.snap.

describe('operations', () => {
  it('build the markers AWS builds', () => {
    expect(operations.add(10)).toEqual({ type: 'OPERATION_ADD', value: 10 });
    expect(operations.append([1, 2, 3])).toEqual({ type: 'OPERATION_APPEND', items: [1, 2, 3] });
    expect(operations.decrement(10)).toEqual({ type: 'OPERATION_DECREMENT', by: 10 });
    expect(operations.increment(10)).toEqual({ type: 'OPERATION_INCREMENT', by: 10 });
    expect(operations.prepend([1, 2, 3])).toEqual({ type: 'OPERATION_PREPEND', items: [1, 2, 3] });
    expect(operations.replace({ a: 10 })).toEqual({ type: 'OPERATION_REPLACE', value: { a: 10 } });
  });

  it('increment and decrement default to 1; remove and updateListItem', () => {
    expect(operations.increment()).toEqual({ type: 'OPERATION_INCREMENT', by: 1 });
    expect(operations.decrement()).toEqual({ type: 'OPERATION_DECREMENT', by: 1 });
    expect(operations.remove()).toEqual({ type: 'OPERATION_REMOVE' });
    expect(operations.updateListItem('102', 1)).toEqual({ type: 'OPERATION_UPDATE_LIST_ITEM', value: '102', index: 1 });
  });

  it('are recognised by shape, so copies still count', () => {
    expect(asOperation(JSON.parse(JSON.stringify(operations.increment(2))))).toEqual({ type: 'OPERATION_INCREMENT', by: 2 });
    expect(asOperation({ type: 'conference' })).toBeNull();
    expect(asOperation('OPERATION_ADD')).toBeNull();
  });
});
