import { describe, expect, it } from 'vitest';
import type { EvaluationScope, ResolverError } from '../../types.ts';
import { ResolverErrorSignal } from '../signals.ts';
import { createUtil } from './util.ts';

// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html

function recordingScope(authType = 'API Key Authorization') {
  const appended: ResolverError[] = [];
  const logs: string[] = [];
  const scope: EvaluationScope = { appendError: (error) => appended.push(error), log: (line) => logs.push(line), authType };
  return { scope, appended, logs };
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('util.error', () => {
  it('stops the handler with the message, type, data and errorInfo', () => {
    const util = createUtil(recordingScope().scope);
    const signal = thrownBy(() => util.error('Invalid input', 'ValidationError', { field: 'x' }, { failures: [1] }));
    expect(signal).toBeInstanceOf(ResolverErrorSignal);
    expect((signal as ResolverErrorSignal).error).toEqual({
      message: 'Invalid input',
      errorType: 'ValidationError',
      data: { field: 'x' },
      errorInfo: { failures: [1] },
    });
  });

  it('leaves what was not given as null', () => {
    const signal = thrownBy(() => createUtil(recordingScope().scope).error('boom')) as ResolverErrorSignal;
    expect(signal.error).toEqual({ message: 'boom', errorType: null, data: null, errorInfo: null });
  });
});

describe('util.appendError', () => {
  it('reports to the scope and lets the handler go on', () => {
    const { scope, appended } = recordingScope();
    const util = createUtil(scope);
    util.appendError('first', 'Warning');
    util.appendError('second', undefined, { a: 1 }, { b: 2 });
    expect(appended).toEqual([
      { message: 'first', errorType: 'Warning', data: null, errorInfo: null },
      { message: 'second', errorType: null, data: { a: 1 }, errorInfo: { b: 2 } },
    ]);
  });
});

describe('util.unauthorized', () => {
  it('fails the field with errorType Unauthorized and the message AppSync gives', () => {
    const util = createUtil(recordingScope().scope, { fieldName: 'getEvent', parentTypeName: 'Query' });
    const signal = thrownBy(() => util.unauthorized()) as ResolverErrorSignal;
    expect(signal.error).toEqual({
      message: 'Not Authorized to access getEvent on type Query',
      errorType: 'Unauthorized',
      data: null,
      errorInfo: null,
    });
  });

  it('says Unauthorized when the field is not known (EvaluateCode output recorded in localstack/appsync-utils resolvers.test.js.snap)', () => {
    const signal = thrownBy(() => createUtil(recordingScope().scope).unauthorized()) as ResolverErrorSignal;
    expect(signal.error.message).toBe('Unauthorized');
    expect(signal.error.errorType).toBe('Unauthorized');
  });
});

describe('the rest of util', () => {
  it('authType comes from the scope', () => {
    expect(createUtil(recordingScope('User Pool Authorization').scope).authType()).toBe('User Pool Authorization');
  });

  it('matches needs the whole value to match, like Java', () => {
    const util = createUtil(recordingScope().scope);
    expect(util.matches('a*b', 'aaaaab')).toBe(true);
    expect(util.matches('a*b', 'aaaaabc')).toBe(false);
    expect(util.matches('b|c', 'c')).toBe(true);
  });

  it('matches reads the pattern as a Java regular expression (Pattern.html: \\p{Alpha}, \\Q…\\E, $)', () => {
    const util = createUtil(recordingScope().scope);
    expect(util.matches('\\p{Alpha}+', 'abc')).toBe(true);
    expect(util.matches('\\p{Alpha}+', 'ab1')).toBe(false);
    expect(util.matches('\\Q1+1\\E', '1+1')).toBe(true);
    expect(util.matches('a$', 'a\n')).toBe(false);
  });

  it('str and math', () => {
    const util = createUtil(recordingScope().scope);
    expect(util.str.normalize('e\u0301', 'nfc')).toBe('é');
    expect(util.str.normalize('é', 'nfd')).toBe('e\u0301');
    expect(() => util.str.normalize('x', 'nfx')).toThrow('not one of');
    expect(util.math.roundNum(2.5)).toBe(3);
    expect(util.math.roundNum(-2.5)).toBe(-2);
    expect(util.math.minVal(3, 1)).toBe(1);
    expect(util.math.maxVal(3, 1)).toBe(3);
    const random = util.math.randomDouble();
    expect(random).toBeGreaterThanOrEqual(0);
    expect(random).toBeLessThan(1);
    const picks = new Set(Array.from({ length: 200 }, () => util.math.randomWithinRange(1, 3)));
    expect([...picks].sort()).toEqual([1, 2, 3]);
  });

  it('helpers the local runtime lacks fail loudly', () => {
    const util = createUtil(recordingScope().scope);
    expect(() => util.http.addResponseHeader('x', 1)).toThrow('util.http.addResponseHeader is not supported by the local runtime');
    expect(() => util.xml.toMap('<a/>')).toThrow('util.xml.toMap is not supported by the local runtime');
  });

  it('is frozen and shares its scope-free parts between evaluations', () => {
    const first = createUtil(recordingScope().scope);
    const second = createUtil(recordingScope().scope);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.time)).toBe(true);
    expect(first.time).toBe(second.time);
    expect(first.error).not.toBe(second.error);
    expect(() => {
      (first as Record<string, unknown>).injected = true;
    }).toThrow(TypeError);
  });
});
