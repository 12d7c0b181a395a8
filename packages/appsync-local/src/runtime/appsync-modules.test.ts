import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { EvaluationScope, ResolverError } from '../types.ts';
import { createAppSyncModules } from './appsync-modules.ts';
import { ResolverErrorSignal } from './signals.ts';

function scopeRecording(errors: ResolverError[], logs: string[]): EvaluationScope {
  return { appendError: (error) => errors.push(error), log: (line) => logs.push(line), authType: 'API Key Authorization' };
}

describe('createAppSyncModules', () => {
  it('offers exactly the three built-in modules', () => {
    const modules = createAppSyncModules(scopeRecording([], []));
    expect(Object.keys(modules).sort()).toEqual([
      '@aws-appsync/utils',
      '@aws-appsync/utils/dynamodb',
      '@aws-appsync/utils/rds',
    ]);
    expect(Object.keys(modules['@aws-appsync/utils']).sort()).toEqual(['extensions', 'runtime', 'util']);
    expect(Object.keys(modules['@aws-appsync/utils/dynamodb']).sort()).toEqual(
      [
        'batchDelete',
        'batchGet',
        'batchPut',
        'get',
        'operations',
        'put',
        'query',
        'remove',
        'scan',
        'sync',
        'toBinarySet',
        'toNumberSet',
        'toStringSet',
        'transactGet',
        'transactWrite',
        'update',
      ].sort(),
    );
  });

  it('binds util and extensions to each evaluation, and shares the rest', () => {
    const [firstErrors, secondErrors, secondLogs]: [ResolverError[], ResolverError[], string[]] = [[], [], []];
    const first = createAppSyncModules(scopeRecording(firstErrors, []));
    const second = createAppSyncModules(scopeRecording(secondErrors, secondLogs));
    const firstUtil = first['@aws-appsync/utils'].util as { appendError(message: string): void };
    const secondExtensions = second['@aws-appsync/utils'].extensions as { evictFromApiCache(...args: unknown[]): void };
    firstUtil.appendError('only in the first');
    secondExtensions.evictFromApiCache('Query', 'getEvent', {});
    expect(firstErrors).toHaveLength(1);
    expect(secondErrors).toHaveLength(0);
    expect(secondLogs).toHaveLength(1);
    expect(first['@aws-appsync/utils/dynamodb']).toBe(second['@aws-appsync/utils/dynamodb']);
    expect(first['@aws-appsync/utils'].runtime).toBe(second['@aws-appsync/utils'].runtime);
  });

  it('names the field being resolved when util.unauthorized() is called', () => {
    const modules = createAppSyncModules(scopeRecording([], []), { fieldName: 'deleteEvent', parentTypeName: 'Mutation' });
    const util = modules['@aws-appsync/utils'].util as { unauthorized(): never };
    expect(() => util.unauthorized()).toThrow(ResolverErrorSignal);
    try {
      util.unauthorized();
    } catch (signal) {
      expect((signal as ResolverErrorSignal).error.message).toBe('Not Authorized to access deleteEvent on type Mutation');
    }
  });

  it('freezes every namespace, so a bundle cannot change what the next one sees', () => {
    const modules = createAppSyncModules(scopeRecording([], []));
    for (const namespace of Object.values(modules)) {
      expect(Object.isFrozen(namespace)).toBe(true);
    }
    expect(Object.isFrozen(modules['@aws-appsync/utils'].util)).toBe(true);
    expect(Object.isFrozen((modules['@aws-appsync/utils/dynamodb'] as { operations: object }).operations)).toBe(true);
  });

  it('reads values made in another realm, as a vm-sandboxed bundle makes them', () => {
    const ddb = createAppSyncModules(scopeRecording([], []))['@aws-appsync/utils/dynamodb'] as {
      update(payload: unknown): unknown;
      operations: { increment(by: number): unknown };
    };
    const payload = runInNewContext(
      "({ key: { id: 'x' }, update: { tags: ['a'], nested: { a: 1 }, count: increment(2) }, condition: { and: [{ v: { in: [1, 2] } }] } })",
      { increment: ddb.operations.increment },
    );
    expect(ddb.update(payload)).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'x' } },
      update: {
        expression: 'SET #expName_1 = :expValue_1, #expName_2.#expName_3 = :expValue_2, #expName_4 = #expName_4 + :expValue_3',
        expressionNames: { '#expName_1': 'tags', '#expName_2': 'nested', '#expName_3': 'a', '#expName_4': 'count' },
        expressionValues: { ':expValue_1': { L: [{ S: 'a' }] }, ':expValue_2': { N: 1 }, ':expValue_3': { N: 2 } },
      },
      condition: {
        expression: '(#v IN (:and_0_v_in_0, :and_0_v_in_1))',
        expressionNames: { '#v': 'v' },
        expressionValues: { ':and_0_v_in_0': { N: 1 }, ':and_0_v_in_1': { N: 2 } },
      },
    });
  });
});
