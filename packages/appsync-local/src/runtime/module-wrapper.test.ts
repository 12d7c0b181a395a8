import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { wrapModule } from './module-wrapper.ts';

function run(code: string, modules: Record<string, unknown> = {}): Record<string, unknown> {
  const wrapping = wrapModule(code);
  if (!wrapping.ok) {
    throw new Error(wrapping.problems.map((problem) => problem.message).join('\n'));
  }
  const factory = new vm.Script(wrapping.module.source, { filename: 'bundle.js', lineOffset: -1 }).runInNewContext();
  return factory('util global')(modules);
}

describe('wrapping an ES module as a script', () => {
  it('binds named, renamed, default and namespace imports to the modules given', () => {
    const exports = run(
      `import { util, runtime as rt } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import fallback from '@aws-appsync/utils';
export const values = [util, rt, ddb.get, fallback];`,
      { '@aws-appsync/utils': { util: 'u', runtime: 'r', default: 'd' }, '@aws-appsync/utils/dynamodb': { get: 'g' } },
    );
    expect(exports.values).toEqual(['u', 'r', 'g', 'd']);
  });

  it("gives code that doesn't import util the evaluation's util", () => {
    expect(run('export const seen = util;').seen).toBe('util global');
  });

  it('returns declared, listed and renamed exports', () => {
    const exports = run(`export function request() { return 1; }
const respond = () => 2;
export { respond as response };
export let count = 3;`);
    expect(Object.keys(exports)).toEqual(['request', 'response', 'count']);
  });

  it('keeps every line and column, so stack traces point into the bundle', () => {
    const exports = run(
      `import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return ctx.missing.field;
}`,
      { '@aws-appsync/utils': {} },
    );
    const request = exports.request as (ctx: object) => unknown;
    expect(() => request({})).toThrow(expect.objectContaining({ stack: expect.stringContaining('bundle.js:4:22') }));
  });

  it('lists the modules the code imports', () => {
    const wrapping = wrapModule(
      `import { util } from '@aws-appsync/utils';\nimport { get } from '@aws-appsync/utils/dynamodb';`,
    );
    expect(wrapping.ok && wrapping.module.imports).toEqual(['@aws-appsync/utils', '@aws-appsync/utils/dynamodb']);
  });

  it.each([
    ['a default export', 'export default function request() {}', 'Export the handlers by name'],
    [
      'a re-export',
      "export { get } from '@aws-appsync/utils/dynamodb';",
      'Re-exports from other modules are not supported',
    ],
    [
      'a module the runtime lacks',
      "import lodash from 'lodash';",
      "Module 'lodash' is not provided by the APPSYNC_JS runtime",
    ],
  ])('refuses %s', (_case, code, message) => {
    const wrapping = wrapModule(code);
    expect(wrapping.ok).toBe(false);
    expect(!wrapping.ok && wrapping.problems[0].message).toContain(message);
  });
});
