// The built-ins AWS lists as supported by the APPSYNC_JS runtime. Anything
// else may or may not work on AppSync; the documentation doesn't say, so the
// local runtime warns instead of guessing.
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html

/** Globals: "NaN, Infinity, undefined, util, extensions, runtime", plus the objects listed below. */
export const SUPPORTED_GLOBALS: ReadonlySet<string> = new Set([
  'NaN',
  'Infinity',
  'undefined',
  'util',
  'extensions',
  'runtime',
  'Object',
  'String',
  'Number',
  'Math',
  'Array',
  'JSON',
  'console',
]);

/** The members of the global objects above that AWS lists (`Array` has none). */
export const SUPPORTED_STATIC_MEMBERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Object', new Set(['assign', 'entries', 'hasOwn', 'keys', 'values'])],
  ['String', new Set(['raw'])],
  ['Number', new Set(['isFinite', 'isNaN'])],
  ['Math', new Set(['random', 'min', 'max', 'round', 'floor', 'ceil'])],
  ['Array', new Set<string>()],
  ['JSON', new Set(['parse', 'stringify'])],
  ['console', new Set(['log', 'error'])],
]);

const SUPPORTED_STRING_METHODS = [
  'charAt',
  'concat',
  'endsWith',
  'indexOf',
  'lastIndexOf',
  'replace',
  'replaceAll',
  'slice',
  'split',
  'startsWith',
  'toLowerCase',
  'toUpperCase',
  'trim',
  'trimEnd',
  'trimStart',
];

const SUPPORTED_ARRAY_METHODS = [
  'concat',
  'fill',
  'flat',
  'indexOf',
  'join',
  'lastIndexOf',
  'pop',
  'push',
  'reverse',
  'shift',
  'slice',
  'sort',
  'splice',
  'unshift',
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'find',
  'some',
  'every',
  'findIndex',
  'findLast',
  'findLastIndex',
];

/** `String.prototype` and `Array.prototype` methods AWS lists. */
export const SUPPORTED_INSTANCE_METHODS: ReadonlySet<string> = new Set([
  ...SUPPORTED_STRING_METHODS,
  ...SUPPORTED_ARRAY_METHODS,
]);

/**
 * Array methods that may take a callback: "Passing a function as an argument
 * is not supported" except to these (the same list AWS's ESLint rule
 * `no-function-passing` allows).
 */
export const ARRAY_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map',
  'find',
  'filter',
  'findIndex',
  'findLast',
  'findLastIndex',
  'forEach',
  'reduce',
  'reduceRight',
  'every',
  'some',
  'flatMap',
]);

/**
 * Every method name the built-in prototypes a resolver's values can have
 * (strings, numbers, booleans, arrays, plain objects): a call of one of these
 * names that is not on AWS's list is a call of an unlisted built-in.
 */
export const BUILTIN_INSTANCE_METHODS: ReadonlySet<string> = new Set(
  [String.prototype, Number.prototype, Boolean.prototype, Array.prototype, Object.prototype].flatMap((prototype) =>
    Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor'),
  ),
);
