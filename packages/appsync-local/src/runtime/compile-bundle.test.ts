import { describe, expect, it } from 'vitest';
import { bundleTypeScript } from './bundle-typescript.ts';
import { acceptedBundle, BundleRejectedError, compileBundle } from './compile-bundle.ts';

// What the APPSYNC_JS runtime refuses, as listed on "Supported runtime
// features" (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html)
// and in AWS's @aws-appsync/eslint-plugin: each construct is refused with
// the bundle's file and line.

const FILE = 'build/appsync/resolvers/Query.test.js';

/** A bundle whose handler body is `body`, placed on line 3. */
function bundleWith(body: string, header = ''): { fileName: string; code: string } {
  return {
    fileName: FILE,
    code: `import { util } from '@aws-appsync/utils';\n${header}\nexport function request(ctx) {\n${body}\n  return {};\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`,
  };
}

function problemsOf(bundle: { fileName: string; code: string }) {
  const compilation = compileBundle(bundle);
  return compilation.ok ? [] : compilation.problems;
}

describe('constructs the APPSYNC_JS runtime refuses', () => {
  // [construct, handler body (from line 4), message, line reported, helper code on line 2]
  it.each([
    ['++', '  let i = 0;\n  i++;', 'The operator ++ is not supported', 5],
    ['--', '  let i = 0;\n  i--;', 'The operator -- is not supported', 5],
    ['~', '  const bits = ~ctx.args.n;', 'The operator ~ is not supported', 4],
    ['in', "  const has = 'id' in ctx.args;", 'in operator is not supported', 4],
    [
      'try/catch/finally',
      '  try { util.autoId(); } catch (e) { util.autoId(); } finally { util.autoId(); }',
      'Try statements are not supported',
      4,
    ],
    ['throw', "  throw new Error('no');", 'Throw statements are not supported', 4],
    ['while', '  while (ctx.args.n) { ctx.args.n = 0; }', 'While statements are not supported', 4],
    ['do-while', '  do { ctx.args.n = 0; } while (ctx.args.n);', 'do...while statements are not supported', 4],
    ['continue', '  for (const x of [1]) { if (x) { continue; } }', 'Continue statements are not supported', 4],
    ['for(;;)', '  for (let i = 0; i < 3; i = i + 1) { util.autoId(); }', 'For statements are not supported', 4],
    ['labels', '  outer: for (const x of [1]) { break outer; }', 'Labeled statements are not supported', 4],
    ['class declarations', '  class Event {}', 'Class declarations are not supported', 4],
    ['class expressions', '  const Event = class {};', 'Class expressions are not supported', 4],
    ['async functions', '  const load = async () => 1;', 'Async functions are not supported', 4],
    ['await', '', 'The `await` keyword is not supported', 2, 'async function load(value) { return await value; }'],
    ['new Promise', '  const later = new Promise(util.autoId);', 'Promise is not supported', 4],
    ['Promise', '  const done = Promise.resolve(1);', 'Promise is not supported', 4],
    ['generators', '  const ids = function* () {};', 'Generator functions are not supported', 4],
    ['yield', '', 'Yield statements are not supported', 2, 'function* ids() { yield 1; }'],
    ['regular expression literals', "  const ok = /^a/.test('a');", 'Regex literals are not supported', 4],
    ['new RegExp', "  const pattern = new RegExp('^a');", 'Regular expressions are not supported', 4],
    ['Function constructor', "  const make = new Function('return 1');", 'Function constructors are not supported', 4],
    ['this', '  const self = this;', 'This expressions are not supported', 4],
    ['apply', '  const biggest = Math.max.apply(null, [1, 2]);', 'The apply method of functions is not supported', 4],
    ['bind', '  const id = util.autoId.bind(util);', 'The bind method of functions is not supported', 4],
    ['call', '  const id = util.autoId.call(util);', 'The call method of functions is not supported', 4],
    [
      'sort with a comparator',
      '  const sorted = [3, 1].sort((a, b) => a - b);',
      "Array.prototype.sort() doesn't support arguments",
      4,
    ],
    [
      'recursion',
      '',
      'Recursive function calls not supported',
      2,
      'function sum(list) { return list.length === 0 ? 0 : list[0] + sum(list.slice(1)); }',
    ],
    [
      'recursion through a callback',
      '',
      'Recursive function calls not supported',
      2,
      'function flatten(tree) { return tree.flatMap((node) => flatten(node)); }',
    ],
    [
      'passing a function',
      '  const id = pick(makeId);',
      'Functions can not be passed as an argument',
      4,
      'function pick(make) { return make(); } function makeId() { return 1; }',
    ],
    [
      'passing an arrow function',
      '  const id = util.str.toUpper(() => 1);',
      'Functions can not be passed as an argument',
      4,
    ],
    ['returning a function', '', 'returning a function is not allowed', 2, 'function maker() { return () => 1; }'],
    [
      're-assigning a function',
      '  const alias = helper;',
      're-assigning function is not allowed',
      4,
      'function helper() { return 1; }',
    ],
    ['denied String methods', "  const padded = 'a'.padStart(3);", 'Method String.padStart is not implemented', 4],
    [
      'denied Object statics',
      '  const frozen = Object.freeze({});',
      'Method ObjectConstructor.freeze is not implemented',
      4,
    ],
    ['replacing ctx.stash', '  ctx.stash = {};', 'ctx is readonly. Adding/Updating stash is not supported', 4],
    ['dynamic import', "  const mod = import('../../../../local/runtime/other.js');", 'Dynamic import() is not supported', 4],
  ] as const)('refuses %s', (_construct, body, message, line, helper?: string) => {
    const bundle = bundleWith(body, helper);
    const problem = problemsOf(bundle).find((candidate) => candidate.message.includes(message));
    expect(problem, message).toMatchObject({ severity: 'error', errorType: 'LINT_ERROR', line });
    expect(() => acceptedBundle(bundle)).toThrow(`${FILE}:${line}:`);
  });

  it('names the bundle file and line of each refused construct', () => {
    const bundle = bundleWith('  let count = 0;\n  count++;\n  while (count) { count = 0; }');
    expect(() => acceptedBundle(bundle)).toThrow(BundleRejectedError);
    const error = (() => {
      try {
        acceptedBundle(bundle);
      } catch (caught) {
        return caught as BundleRejectedError;
      }
    })()!;
    expect(error.message).toContain(`${FILE}:5:3: The operator ++ is not supported`);
    expect(error.message).toContain(`${FILE}:6:3: While statements are not supported`);
  });

  it('names the TypeScript file and line through the inline source map', async () => {
    const source = [
      "import type { Context } from '@aws-appsync/utils';",
      '',
      'export function request(ctx: Context) {',
      '  let attempts = 0;',
      '  attempts++;',
      '  return { attempts };',
      '}',
      '',
      'export function response(ctx: Context) {',
      '  return ctx.result;',
      '}',
    ].join('\n');
    const bundle = await bundleTypeScript(
      { contents: source, sourcefile: 'resolvers/Query.attempts.ts' },
      'build/appsync/resolvers/Query.attempts.js',
    );
    expect(() => acceptedBundle(bundle)).toThrow(
      /Query\.attempts\.js:\d+:\d+ \(resolvers\/Query\.attempts\.ts:5:3\): The operator \+\+ is not supported/,
    );
  });

  it('reports code that does not parse as a PARSER_ERROR with its position', () => {
    const problems = problemsOf({ fileName: FILE, code: 'export function request(ctx) {\n  return { ;\n}\n' });
    expect(problems).toEqual([expect.objectContaining({ errorType: 'PARSER_ERROR', line: 2 })]);
  });

  it('refuses modules the runtime does not provide', () => {
    const problems = problemsOf({
      fileName: FILE,
      code: "import { v4 } from 'uuid';\nexport function request() { return { id: v4() }; }\n",
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      "Module 'uuid' is not provided by the APPSYNC_JS runtime; bundle it.",
    ]);
  });
});

describe('constructs the APPSYNC_JS runtime supports', () => {
  it.each([
    ['for-of', '  for (const item of ctx.args.items) { util.autoId(); }'],
    ['for-in', '  for (const key in ctx.args) { util.autoId(); }'],
    ['arrow functions', '  const double = (n) => n * 2;\n  const four = double(2);'],
    ['array callbacks', '  const ids = [1, 2].map((n) => n * 2).filter((n) => n > 2).reduce((sum, n) => sum + n, 0);'],
    [
      'spread and rest',
      '  const merged = { ...ctx.args, list: [...[1], 2] };\n  const first = ((...all) => all[0])(1);',
    ],
    ['template literals', '  const greeting = `hello ${ctx.args.name}`;'],
    ['optional chaining and ??', '  const name = ctx.args?.name ?? "anonymous";'],
    ['switch, break, delete', '  switch (ctx.args.kind) { case 1: break; default: delete ctx.args.kind; }'],
    [
      'Object.hasOwn and sort without arguments',
      "  const has = Object.hasOwn(ctx.args, 'id');\n  const sorted = [3, 1].sort();",
    ],
    [
      'functions declared and called without recursion',
      '  const value = helper(2);',
      'function helper(n) { return n * 2; }',
    ],
    ['changing properties of ctx.stash', '  ctx.stash.seen = true;'],
  ])('accepts %s', (_construct, body, header = '') => {
    expect(problemsOf(bundleWith(body, header))).toEqual([]);
  });

  it('warns about built-ins AWS does not list, without refusing them', () => {
    const compilation = compileBundle(
      bundleWith(
        "  const now = new Date();\n  const has = 'abc'.includes('b');\n  const entries = Object.fromEntries([]);\n  const n = parseInt('1');",
      ),
    );
    expect(compilation.ok).toBe(true);
    const warnings = compilation.ok ? compilation.compiled.warnings.map((warning) => warning.message) : [];
    expect(warnings).toEqual([
      expect.stringContaining('Date is not on the APPSYNC_JS list'),
      expect.stringContaining('.includes() is not on the APPSYNC_JS list'),
      expect.stringContaining('Object.fromEntries is not on the APPSYNC_JS list'),
      expect.stringContaining('parseInt is not on the APPSYNC_JS list'),
    ]);
  });
});

describe('warnings about built-ins', () => {
  it("leave the runtime library's own methods alone, even where a built-in has the same name", () => {
    const compilation = compileBundle(
      bundleWith(
        "  const text = util.str.normalize('x', 'nfc');\n  const value = util.dynamodb.toString('x');\n  const key = ddb.get({ key: { id: 1 } });",
        "import * as ddb from '@aws-appsync/utils/dynamodb';",
      ),
    );
    expect(compilation.ok && compilation.compiled.warnings).toEqual([]);
  });
});
