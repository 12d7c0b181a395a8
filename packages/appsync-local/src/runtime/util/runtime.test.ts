import { describe, expect, it } from 'vitest';
import { EarlyReturnSignal } from '../signals.ts';
import { runtimeObject } from './runtime.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html

function signalOf(action: () => unknown): EarlyReturnSignal {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(EarlyReturnSignal);
    return error as EarlyReturnSignal;
  }
  throw new Error('expected earlyReturn to throw');
}

describe('runtime.earlyReturn', () => {
  it('carries the value and where to skip to', () => {
    expect(signalOf(() => runtimeObject.earlyReturn({ hello: 'world' }))).toEqual(new EarlyReturnSignal({ hello: 'world' }, undefined));
    expect(signalOf(() => runtimeObject.earlyReturn(1, { skipTo: 'END' })).skipTo).toBe('END');
    expect(signalOf(() => runtimeObject.earlyReturn(undefined, { skipTo: 'NEXT' })).skipTo).toBe('NEXT');
  });

  it('refuses an unknown skipTo', () => {
    expect(() => runtimeObject.earlyReturn(1, { skipTo: 'LATER' })).toThrow("skipTo must be 'END' or 'NEXT'");
  });
});
