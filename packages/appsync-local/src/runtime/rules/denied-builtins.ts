// Built-in methods AWS's own ESLint rule `no-disallowed-methods` refuses
// (node_modules/@aws-appsync/eslint-plugin/lib/rules/no-disallowed-methods.js).
// That rule knows each call's receiver type from the TypeScript checker; a
// bundle has no types, so a method is refused only where its name alone says
// which built-in it belongs to. An ambiguous name (`toString` is denied on
// arrays but exists on numbers) is left to the unsupported-built-in warning.

const DENIED_INSTANCE_METHODS: Record<string, readonly string[]> = {
  Array: ['copyWithin', 'entries', 'group', 'groupToMap', 'keys', 'toLocaleString', 'toString', 'values'],
  String: [
    'charCodeAt',
    'localeCompare',
    'matchAll',
    'padEnd',
    'padStart',
    'repeat',
    'search',
    'toLocaleLowerCase',
    'toLocaleUpperCase',
    'valueOf',
  ],
  Date: [
    'setDate',
    'setFullYear',
    'setHours',
    'setMilliseconds',
    'setMinutes',
    'setMonth',
    'setSeconds',
    'setTime',
    'setUTCDate',
    'setUTCFullYear',
    'setUTCHours',
    'setUTCMilliseconds',
    'setUTCMinutes',
    'setUTCMonth',
    'setUTCSeconds',
    'setYear',
    'toGMTString',
    'toLocaleDateString',
    'toLocaleString',
    'toLocaleTimeString',
  ],
};

/** `ObjectConstructor.*` in the AWS rule: static methods of `Object`. */
const DENIED_OBJECT_STATICS: ReadonlySet<string> = new Set([
  'create',
  'defineProperties',
  'defineProperty',
  'freeze',
  'getOwnPropertyDescriptor',
  'getOwnPropertyDescriptors',
  'getOwnPropertyNames',
  'getOwnPropertySymbols',
  'getPrototypeOf',
  'hasOwnProperty',
  'is',
  'isExtensible',
  'isFrozen',
  'isPrototypeOf',
  'isSealed',
  'preventExtensions',
  'propertyIsEnumerable',
  'seal',
  'setPrototypeOf',
  'toLocaleString',
  'toString',
  'valueOf',
]);

const PROTOTYPES: Record<string, object> = {
  Array: Array.prototype,
  String: String.prototype,
  Date: Date.prototype,
  Number: Number.prototype,
  Boolean: Boolean.prototype,
  Object: Object.prototype,
};

function hasMethod(prototype: object, name: string): boolean {
  return Object.getOwnPropertyNames(prototype).includes(name);
}

/** `Type.method` names of the denied methods a call of `name` can only mean, e.g. `String.padStart`. */
function unambiguousDenials(name: string): string[] {
  const denyingTypes = Object.keys(DENIED_INSTANCE_METHODS).filter((type) =>
    DENIED_INSTANCE_METHODS[type].includes(name),
  );
  if (denyingTypes.length === 0) {
    return [];
  }
  const alsoAllowedElsewhere = Object.keys(PROTOTYPES).some(
    (type) => !denyingTypes.includes(type) && hasMethod(PROTOTYPES[type], name),
  );
  return alsoAllowedElsewhere ? [] : denyingTypes.map((type) => `${type}.${name}`);
}

const deniedByName = new Map<string, string>();
for (const methods of Object.values(DENIED_INSTANCE_METHODS)) {
  for (const name of methods) {
    const denials = unambiguousDenials(name);
    if (denials.length > 0) {
      deniedByName.set(name, denials.join(' / '));
    }
  }
}

/** The denied method (`String.padStart`) a `receiver.name(...)` call can only be, if any. */
export function deniedInstanceMethod(name: string): string | undefined {
  return deniedByName.get(name);
}

/** Whether `Object.name(...)` is denied (`ObjectConstructor.name`). */
export function isDeniedObjectStatic(name: string): boolean {
  return DENIED_OBJECT_STATICS.has(name);
}

/**
 * Function methods the supported-features page refuses: "The apply, bind,
 * and call methods not are supported."
 * https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html
 */
export const DENIED_FUNCTION_METHODS: ReadonlySet<string> = new Set(['apply', 'bind', 'call']);

/**
 * Globals whose every use the documentation refuses: regular expressions,
 * function constructors, promises. They are errors, not warnings.
 */
export const DENIED_GLOBALS: ReadonlyMap<string, string> = new Map([
  ['RegExp', 'Regular expressions are not supported.'],
  ['Function', 'Function constructors are not supported.'],
  ['Promise', 'Promise is not supported'],
]);
