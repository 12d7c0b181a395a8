import vm from 'node:vm';
import { javaPatternToRegExpParts } from './util/java-pattern.ts';

// Where resolver code runs: one vm realm, locked down so that no evaluation
// can leave anything behind for another, however many requests are in flight.
//
// - `util`, `runtime`, `extensions` and `console` are never globals: each
//   evaluation passes its own as parameters of the bundle's wrapper (see
//   module-wrapper.ts). Emulators that put `util` on the shared globalThis
//   and deleted it after each call failed 20 of 30 concurrent requests.
// - The module's top level runs afresh for every evaluation, so module
//   variables start over each time, and `ctx` is built new in the realm.
// - Every built-in is frozen and every built-in global is read-only, so code
//   cannot change what the next evaluation sees; a global the code creates
//   is deleted when the evaluation ends (and a global that can't be deleted
//   retires the realm). An evaluation is synchronous (APPSYNC_JS has no async
//   code), so no other evaluation runs in between.
//
// A fresh vm context per evaluation would isolate just as well, but creating
// one costs about 0.25 ms, and 0.45 ms of CPU per evaluation once garbage
// collection is counted; a unit resolver would pay that twice per request.
// Evaluating in this realm costs a few microseconds.

/**
 * Runs once in the realm: installs APPSYNC_JS's JSON.parse and its
 * Java-pattern String.replace / replaceAll, locks the built-ins, and returns
 * what evaluations need from inside the realm.
 */
const LOCKDOWN = `(function (javaPatternToRegExpParts) {
  'use strict';
  const { defineProperty, freeze, getOwnPropertyDescriptor, getOwnPropertyNames, getPrototypeOf } = Object;
  const { apply, deleteProperty, ownKeys } = Reflect;
  const parse = JSON.parse;
  const { replace, replaceAll } = String.prototype;

  // "String.prototype.replace() / replaceAll(): Regular expressions are not
  // supported. However, Java-styled regular expression constructs are
  // supported in the provided parameter."
  // https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html
  function javaPattern(pattern, global) {
    if (typeof pattern !== 'string') {
      return pattern;
    }
    const parts = javaPatternToRegExpParts(pattern);
    return new RegExp(parts.source, parts.flags + (global ? 'g' : ''));
  }
  const javaStyled = {
    replace(pattern, replacement) {
      return apply(replace, this, [javaPattern(pattern, false), replacement]);
    },
    replaceAll(pattern, replacement) {
      return apply(replaceAll, this, [javaPattern(pattern, true), replacement]);
    },
  };
  for (const name of ['replace', 'replaceAll']) {
    const value = javaStyled[name];
    defineProperty(String.prototype, name, { value, writable: true, enumerable: false, configurable: true });
  }

  // "JSON.parse() returns a blank string if the parsed string is not valid JSON."
  // https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html
  JSON.parse = function (text) {
    try {
      return parse(text);
    } catch (error) {
      return '';
    }
  };

  // With Object.prototype frozen, "obj.toString = f" would fail for every
  // object; as accessors, such assignments define the object's own property.
  function allowOverrides(prototype) {
    for (const key of ownKeys(prototype)) {
      const descriptor = getOwnPropertyDescriptor(prototype, key);
      if (!('value' in descriptor)) {
        continue;
      }
      const value = descriptor.value;
      defineProperty(prototype, key, {
        get() {
          return value;
        },
        set(replacement) {
          if (this === prototype) {
            throw new TypeError("Cannot assign to read only property '" + String(key) + "' of a built-in");
          }
          defineProperty(this, key, { value: replacement, writable: true, enumerable: true, configurable: true });
        },
        enumerable: descriptor.enumerable,
        configurable: false,
      });
    }
  }

  const frozen = new Set([globalThis]);
  function freezeDeeply(value) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || frozen.has(value)) {
      return;
    }
    frozen.add(value);
    for (const key of ownKeys(value)) {
      const descriptor = getOwnPropertyDescriptor(value, key);
      freezeDeeply(descriptor.value);
      freezeDeeply(descriptor.get);
      freezeDeeply(descriptor.set);
    }
    freezeDeeply(getPrototypeOf(value));
    freeze(value);
  }

  allowOverrides(Object.prototype);
  const builtinGlobals = new Set(getOwnPropertyNames(globalThis));
  for (const name of builtinGlobals) {
    const descriptor = getOwnPropertyDescriptor(globalThis, name);
    freezeDeeply(descriptor.value);
    if ('value' in descriptor) {
      const { value, enumerable } = descriptor;
      defineProperty(globalThis, name, { value, writable: false, enumerable, configurable: false });
    }
  }

  return freeze({
    buildContext(contextJson) {
      const ctx = parse(contextJson);
      ctx.args = ctx.arguments;
      // "You cannot delete or replace the entire stash": in strict code
      // (every ES module) either attempt is a TypeError.
      defineProperty(ctx, 'stash', { value: ctx.stash, writable: false, enumerable: true, configurable: false });
      // The selection set is read directly; JSON.stringify(ctx.info) (or of
      // ctx) leaves it out, as with AppSync.
      const info = ctx.info;
      if (info !== null && typeof info === 'object') {
        for (const key of ['selectionSetList', 'selectionSetGraphQL']) {
          if (key in info) defineProperty(info, key, { value: info[key], writable: true, enumerable: false, configurable: true });
        }
      }
      return ctx;
    },
    removeCreatedGlobals() {
      let removedAll = true;
      for (const key of ownKeys(globalThis)) {
        if (!builtinGlobals.has(key) && !deleteProperty(globalThis, key)) {
          removedAll = false;
        }
      }
      return removedAll;
    },
  });
})`;

/** Strings and WebAssembly can't be compiled at run time: no eval, no new Function. */
const CONTEXT_OPTIONS: vm.CreateContextOptions = { codeGeneration: { strings: false, wasm: false } };

/** The values an evaluation gets in place of globals, in the wrapper's parameter order. */
export type EvaluationGlobals = readonly unknown[];

type ModuleFactory = (...globals: EvaluationGlobals) => (modules: Record<string, unknown>) => Record<string, unknown>;

interface Realm {
  context: vm.Context;
  /** each bundle's wrapper, evaluated once in this realm */
  factories: WeakMap<vm.Script, ModuleFactory>;
  /** the context object, on which globals the code creates show up */
  globalsSeenFromHost: object;
  builtinGlobalCount: number;
  buildContext(contextJson: string): SandboxRun['ctx'];
  /** false when a global could not be deleted (defined non-configurable): the realm is then replaced */
  removeCreatedGlobals(): boolean;
}

let realm: Realm | undefined;

function createRealm(): Realm {
  const globalsSeenFromHost = {};
  const context = vm.createContext(globalsSeenFromHost, CONTEXT_OPTIONS);
  const lockdown = new vm.Script(LOCKDOWN, { filename: 'appsync-js-lockdown.js' }).runInContext(context);
  const inside = lockdown(javaPatternToRegExpParts);
  const builtinGlobalCount = Reflect.ownKeys(globalsSeenFromHost).length;
  return { context, factories: new WeakMap(), globalsSeenFromHost, builtinGlobalCount, ...inside };
}

function lockedRealm(): Realm {
  realm ??= createRealm();
  return realm;
}

function moduleFactory(script: vm.Script, { context, factories }: Realm): ModuleFactory {
  let factory = factories.get(script);
  if (!factory) {
    factory = script.runInContext(context) as ModuleFactory;
    factories.set(script, factory);
  }
  return factory;
}

export interface SandboxRun {
  /** the handler's context object, as the code left it (its stash holds the code's changes) */
  ctx: { stash?: unknown };
  /** the module's exports */
  exports: Record<string, unknown>;
}

/**
 * Runs one evaluation in the realm: builds `ctx` from its JSON, runs the
 * module's top level with this evaluation's globals, and lets `evaluate`
 * call a handler. Globals the code created are removed afterwards.
 */
export function inSandbox<T>(
  script: vm.Script,
  globals: EvaluationGlobals,
  modules: Record<string, unknown>,
  contextJson: string,
  evaluate: (run: SandboxRun) => T,
): T {
  const current = lockedRealm();
  try {
    const ctx = current.buildContext(contextJson);
    const exports = moduleFactory(script, current)(...globals)(modules);
    return evaluate({ ctx, exports });
  } finally {
    const createdGlobals = Reflect.ownKeys(current.globalsSeenFromHost).length !== current.builtinGlobalCount;
    if (createdGlobals && !current.removeCreatedGlobals()) {
      realm = undefined;
    }
  }
}
