import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { CodeBundle, HandlerContext } from '../types.ts';
import { evaluateHandler } from './evaluate-handler.ts';

// Other emulators put `util` on the shared globalThis and deleted it after
// each call: 20 of 30 concurrent requests then failed with "util is not
// defined". Here nothing one evaluation does is seen by another.

const SETTINGS = { authType: 'API Key Authorization' };

function bundle(name: string, code: string): CodeBundle {
  return { fileName: `build/appsync/resolvers/Query.${name}.js`, code };
}

const resolver = bundle(
  'isolated',
  `import { util } from '@aws-appsync/utils';
let evaluations = 0;
export function request(ctx) {
  evaluations = evaluations + 1;
  globalThis.lastCaller = ctx.args.caller;
  ctx.stash.caller = ctx.args.caller;
  return { caller: ctx.args.caller, evaluations, id: util.autoId() };
}
export function response(ctx) {
  return {
    caller: ctx.stash.caller,
    lastCaller: globalThis.lastCaller ?? null,
    result: ctx.result,
    type: util.authType(),
  };
}
`,
);

function context(caller: number, stash: Record<string, unknown> = {}, result?: unknown): HandlerContext {
  return {
    arguments: { caller },
    source: null,
    identity: {},
    request: { headers: {}, domainName: null },
    info: {
      fieldName: 'isolated',
      parentTypeName: 'Query',
      variables: {},
      selectionSetList: [],
      selectionSetGraphQL: '',
    },
    stash,
    result,
  };
}

/** One request: request handler, a data-source wait of random length, response handler. */
async function resolve(caller: number) {
  const stash = {};
  const request = evaluateHandler(resolver, 'request', context(caller, stash), SETTINGS);
  await sleep(Math.floor(Math.random() * 20));
  const dataSourceResult = request.outcome.kind === 'returned' ? request.outcome.value : null;
  return evaluateHandler(resolver, 'response', context(caller, stash, dataSourceResult), SETTINGS).outcome;
}

function evaluate(code: CodeBundle) {
  return evaluateHandler(code, 'request', context(0), SETTINGS).outcome;
}

describe('evaluations do not share state', () => {
  it('40 requests in flight at once each see only their own ctx, util and module variables', async () => {
    const callers = Array.from({ length: 40 }, (_, index) => index);
    const outcomes = await Promise.all(callers.map(resolve));
    outcomes.forEach((outcome, caller) => {
      expect(outcome).toEqual({
        kind: 'returned',
        value: {
          caller,
          lastCaller: null,
          result: { caller, evaluations: 1, id: expect.any(String) },
          type: 'API Key Authorization',
        },
      });
    });
  });

  it('a global the code creates is gone for the next evaluation, however it was defined', () => {
    const creates = bundle(
      'creates',
      `export function request(ctx) {
  const before = [typeof assigned, typeof locked];
  globalThis.assigned = 1;
  Reflect.defineProperty(globalThis, 'locked', { value: 2 });
  return { before, after: [typeof assigned, typeof locked] };
}`,
    );
    const fresh = { before: ['undefined', 'undefined'], after: ['number', 'number'] };
    expect(evaluate(creates)).toEqual({ kind: 'returned', value: fresh });
    expect(evaluate(creates)).toEqual({ kind: 'returned', value: fresh });
  });

  it.each([
    ['a built-in prototype', "Array.prototype.first = function () { return 'patched'; };"],
    ['a built-in method', 'Math.random = function () { return 4; };'],
    ['a built-in global', 'JSON = null;'],
    ['JSON.parse', "JSON.parse = function () { return 'patched'; };"],
  ])(
    'code cannot change %s: the attempt is a code error and the next evaluation sees the original',
    (_what, change) => {
      const patches = bundle('patches', `export function request(ctx) {\n  ${change}\n  return 'patched';\n}`);
      expect(evaluate(patches)).toMatchObject({
        kind: 'codeError',
        error: { errorType: 'Code', message: expect.stringContaining('TypeError') },
      });
      const uses = bundle(
        'uses',
        "export function request(ctx) {\n  return [typeof [].first, Math.random() < 1, JSON.parse('{bad'), JSON.stringify([1])];\n}",
      );
      expect(evaluate(uses)).toEqual({ kind: 'returned', value: ['undefined', true, '', '[1]'] });
    },
  );

  it('objects can still have their own toString, valueOf or constructor', () => {
    const overrides = bundle(
      'overrides',
      `export function request(ctx) {
  const item = {};
  item.toString = 'own';
  item.constructor = 'own';
  return Object.assign({}, { valueOf: 1, hasOwnProperty: 2 }, item);
}`,
    );
    expect(evaluate(overrides)).toEqual({
      kind: 'returned',
      value: { valueOf: 1, hasOwnProperty: 2, toString: 'own', constructor: 'own' },
    });
  });
});
