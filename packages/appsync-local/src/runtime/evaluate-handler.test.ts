import { describe, expect, it } from 'vitest';
import type { CodeBundle, HandlerContext } from '../types.ts';
import { bundleTypeScript } from './bundle-typescript.ts';
import { evaluateHandler } from './evaluate-handler.ts';

// One handler, evaluated the way the APPSYNC_JS runtime evaluates it.
// Context fields: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html

const SETTINGS = { authType: 'API Key Authorization' };

function bundle(code: string, fileName = 'build/appsync/resolvers/Query.sample.js'): CodeBundle {
  return { fileName, code };
}

function context(overrides: Partial<HandlerContext> = {}): HandlerContext {
  return {
    arguments: { eventId: 'e-1' },
    source: null,
    identity: {},
    request: { headers: { 'x-api-key': 'key', cookie: 'session=secret' }, domainName: null },
    info: {
      fieldName: 'sample',
      parentTypeName: 'Query',
      variables: {},
      selectionSetList: ['eventId'],
      selectionSetGraphQL: '{ eventId }',
    },
    stash: {},
    ...overrides,
  };
}

describe('the context a handler receives', () => {
  it('has both ctx.args and ctx.arguments, as the same object', () => {
    const code = bundle(`export function request(ctx) {
  return { args: ctx.args.eventId, arguments: ctx.arguments.eventId, same: ctx.args === ctx.arguments };
}`);
    expect(evaluateHandler(code, 'request', context(), SETTINGS).outcome).toEqual({
      kind: 'returned',
      value: { args: 'e-1', arguments: 'e-1', same: true },
    });
  });

  it('has ctx.result and ctx.error in a response handler and ctx.prev in a pipeline', () => {
    const code = bundle(`export function response(ctx) {
  return { result: ctx.result, error: ctx.error, prev: ctx.prev.result };
}`);
    const ctx = context({
      result: { id: 1 },
      error: { message: 'boom', type: 'DynamoDB:X' },
      prev: { result: 'before' },
    });
    expect(evaluateHandler(code, 'response', ctx, SETTINGS).outcome).toEqual({
      kind: 'returned',
      value: { result: { id: 1 }, error: { message: 'boom', type: 'DynamoDB:X' }, prev: 'before' },
    });
  });

  it('has identity, source, info and the request headers, without the cookie header', () => {
    const code = bundle(`export function request(ctx) {
  return { headers: ctx.request.headers, field: ctx.info.fieldName, identity: ctx.identity, source: ctx.source };
}`);
    expect(evaluateHandler(code, 'request', context({ identity: { sub: 'u-1' } }), SETTINGS).outcome).toEqual({
      kind: 'returned',
      value: { headers: { 'x-api-key': 'key' }, field: 'sample', identity: { sub: 'u-1' }, source: null },
    });
  });

  it('writes changes to ctx.stash back into the stash the caller passed', () => {
    const code = bundle(`export function request(ctx) {
  ctx.stash.count = (ctx.stash.count ?? 0) + 1;
  delete ctx.stash.old;
  return null;
}`);
    const stash = { count: 1, old: true };
    evaluateHandler(code, 'request', context({ stash }), SETTINGS);
    expect(stash).toEqual({ count: 2 });
  });
});

describe('how a handler ends', () => {
  it('util.error stops the handler with its message, type, data and errorInfo', () => {
    const code = bundle(`import { util } from '@aws-appsync/utils';
export function request(ctx) {
  util.error('No event e-1', 'NotFoundError', { eventId: 'e-1' }, { retry: false });
  return 'never';
}`);
    expect(evaluateHandler(code, 'request', context(), SETTINGS).outcome).toEqual({
      kind: 'error',
      error: {
        message: 'No event e-1',
        errorType: 'NotFoundError',
        data: { eventId: 'e-1' },
        errorInfo: { retry: false },
      },
    });
  });

  it('runtime.earlyReturn stops the handler with its value and skipTo', () => {
    const code = bundle(`import { runtime } from '@aws-appsync/utils';
export function request(ctx) {
  runtime.earlyReturn({ items: [] }, { skipTo: 'END' });
  return 'never';
}`);
    expect(evaluateHandler(code, 'request', context(), SETTINGS).outcome).toEqual({
      kind: 'earlyReturn',
      value: { items: [] },
      skipTo: 'END',
    });
  });

  it('util.appendError keeps the returned value and records the error', () => {
    const code = bundle(`import { util } from '@aws-appsync/utils';
export function response(ctx) {
  util.appendError('partial', 'PartialResult');
  return ctx.result;
}`);
    const evaluation = evaluateHandler(code, 'response', context({ result: [1, 2] }), SETTINGS);
    expect(evaluation.outcome).toEqual({ kind: 'returned', value: [1, 2] });
    expect(evaluation.appendedErrors).toEqual([
      { message: 'partial', errorType: 'PartialResult', data: null, errorInfo: null },
    ]);
  });

  it('util and runtime are globals too, without an import', () => {
    const code = bundle(`export function request(ctx) {
  return { type: util.authType(), id: typeof runtime.earlyReturn };
}`);
    expect(evaluateHandler(code, 'request', context(), SETTINGS).outcome).toEqual({
      kind: 'returned',
      value: { type: 'API Key Authorization', id: 'function' },
    });
  });
});

describe('code errors, as AppSync reports them (errorType "Code")', () => {
  it('a TypeError names the bundle position and the TypeScript position', async () => {
    const source = [
      "import type { Context } from '@aws-appsync/utils';",
      '',
      'export function request(ctx: Context) {',
      '  const missing = ctx.args.missing as { id: string };',
      '  return { id: missing.id };',
      '}',
    ].join('\n');
    const code = await bundleTypeScript(
      { contents: source, sourcefile: 'resolvers/Query.broken.ts' },
      'build/appsync/resolvers/Query.broken.js',
    );
    const { outcome } = evaluateHandler(code, 'request', context(), SETTINGS);
    expect(outcome.kind).toBe('codeError');
    const error = outcome.kind === 'codeError' ? outcome.error : undefined;
    expect(error?.errorType).toBe('Code');
    expect(error?.message).toMatch(
      /^build\/appsync\/resolvers\/Query\.broken\.js:\d+:\d+ \(resolvers\/Query\.broken\.ts:5:\d+\): TypeError: Cannot read properties of undefined \(reading 'id'\)$/,
    );
  });

  it('a missing handler export is a code error', () => {
    const code = bundle('export function request(ctx) { return {}; }');
    const { outcome } = evaluateHandler(code, 'response', context(), SETTINGS);
    expect(outcome).toMatchObject({
      kind: 'codeError',
      error: { errorType: 'Code', message: expect.stringContaining('response is not an exported function') },
    });
  });

  it('a bundle the runtime refuses is a code error naming each refused construct', () => {
    const code = bundle('export function request(ctx) {\n  let n = 0;\n  n++;\n  return { n };\n}');
    const { outcome } = evaluateHandler(code, 'request', context(), SETTINGS);
    expect(outcome).toMatchObject({
      kind: 'codeError',
      error: {
        errorType: 'Code',
        message: expect.stringContaining('Query.sample.js:3:3: The operator ++ is not supported'),
      },
    });
  });

  it('code cannot compile strings at run time', () => {
    const code = bundle("export function request(ctx) {\n  return { value: eval('1 + 1') };\n}");
    expect(evaluateHandler(code, 'request', context(), SETTINGS).outcome).toMatchObject({
      kind: 'codeError',
      error: { message: expect.stringContaining('EvalError') },
    });
  });
});

describe('what crosses out of the runtime', () => {
  it('is plain JSON data of the host realm', () => {
    const code = bundle(`export function request(ctx) {
  return { list: [1, 'two'], nested: { ok: true }, dropped: undefined };
}`);
    const { outcome } = evaluateHandler(code, 'request', context(), SETTINGS);
    const value = outcome.kind === 'returned' ? (outcome.value as Record<string, unknown>) : {};
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Array.isArray(value.list) && value.list instanceof Array).toBe(true);
    expect(value).toEqual({ list: [1, 'two'], nested: { ok: true } });
  });

  it('JSON.parse of invalid JSON returns a blank string, as in APPSYNC_JS', () => {
    const code = bundle(
      "export function request(ctx) {\n  return { bad: JSON.parse('{oops'), good: JSON.parse('[1]') };\n}",
    );
    expect(evaluateHandler(code, 'request', context(), SETTINGS).outcome).toEqual({
      kind: 'returned',
      value: { bad: '', good: [1] },
    });
  });
});

describe('console', () => {
  it('logs each line as LEVEL - file:line:column: values, like EvaluateCode', () => {
    const code = bundle(`export function request(ctx) {
  console.log('This request is allowed');
  console.error('failed', { id: 1 }, 2);
  return null;
}`);
    expect(evaluateHandler(code, 'request', context(), SETTINGS).logs).toEqual([
      'INFO - build/appsync/resolvers/Query.sample.js:2:3: "This request is allowed"',
      'ERROR - build/appsync/resolvers/Query.sample.js:3:3: "failed" {"id":1} 2',
    ]);
  });
});
