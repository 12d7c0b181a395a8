import type {
  CodeBundle,
  EvaluationScope,
  HandlerContext,
  HandlerEvaluation,
  HandlerName,
  HandlerOutcome,
  ResolverError,
} from '../types.ts';
import { createAppSyncModules } from './appsync-modules.ts';
import { codeError } from './call-site.ts';
import { BundleRejectedError, compiledBundle, type CompiledBundle } from './compile-bundle.ts';
import { captureConsole } from './console-capture.ts';
import { EVALUATION_GLOBALS } from './module-wrapper.ts';
import { inSandbox, type SandboxRun } from './sandbox.ts';
import { EarlyReturnSignal, ResolverErrorSignal } from './signals.ts';

// Runs one request or response handler of a bundle, the way the APPSYNC_JS
// runtime does: in a realm where nothing outlives the evaluation (see
// sandbox.ts), with `util`, `runtime` and `extensions` available both as
// imports and as globals.
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html#globals

/** What an evaluation needs besides the code and `ctx`. */
export type EvaluationSettings = Pick<EvaluationScope, 'authType' | 'requestUsage'>;

const UTILS_MODULE = '@aws-appsync/utils';

/** What crosses out of the sandbox is JSON data in the host's realm, as AppSync serialises it. */
function toPlainData(value: unknown): unknown {
  const json = value === undefined ? undefined : JSON.stringify(value);
  return json === undefined ? null : JSON.parse(json);
}

/** `ctx` as handlers see it; AppSync never passes the cookie header on. */
function contextJson(ctx: HandlerContext): string {
  const headers = Object.fromEntries(
    Object.entries(ctx.request?.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'cookie'),
  );
  return JSON.stringify({ ...ctx, request: ctx.request && { ...ctx.request, headers } });
}

function replaceContents(target: Record<string, unknown>, source: unknown): void {
  for (const key of Object.keys(target)) {
    delete target[key];
  }
  Object.assign(target, source);
}

function outcomeOfThrown(thrown: unknown, compiled: CompiledBundle): HandlerOutcome {
  if (thrown instanceof ResolverErrorSignal) {
    return { kind: 'error', error: toPlainData(thrown.error) as ResolverError };
  }
  if (thrown instanceof EarlyReturnSignal) {
    return { kind: 'earlyReturn', value: toPlainData(thrown.value), skipTo: thrown.skipTo };
  }
  return { kind: 'codeError', error: codeError(thrown, compiled.fileName, compiled.sources) };
}

function missingModule(compiled: CompiledBundle, modules: Record<string, unknown>): ResolverError | undefined {
  const missing = compiled.imports.find((specifier) => !(specifier in modules));
  return missing === undefined
    ? undefined
    : codeError(
        new Error(`the local runtime does not provide the module '${missing}'`),
        compiled.fileName,
        compiled.sources,
      );
}

function run(
  compiled: CompiledBundle,
  handler: HandlerName,
  ctx: HandlerContext,
  scope: EvaluationScope,
): HandlerOutcome {
  const field = ctx.info && { fieldName: ctx.info.fieldName, parentTypeName: ctx.info.parentTypeName };
  const modules = createAppSyncModules(scope, field);
  const unavailable = missingModule(compiled, modules);
  if (unavailable) {
    return { kind: 'codeError', error: unavailable };
  }
  const utils = modules[UTILS_MODULE] ?? {};
  const console = captureConsole(compiled.fileName, compiled.sources, scope.log);
  const globals = EVALUATION_GLOBALS.map((name) => (name === 'console' ? console : utils[name]));
  let handlerCtx: SandboxRun['ctx'] | undefined;
  try {
    return inSandbox(compiled.script, globals, modules, contextJson(ctx), ({ ctx: sandboxCtx, exports }) => {
      handlerCtx = sandboxCtx;
      const handle = exports[handler];
      if (typeof handle !== 'function') {
        const missing = new TypeError(`${handler} is not an exported function`);
        return { kind: 'codeError', error: codeError(missing, compiled.fileName, compiled.sources) };
      }
      return { kind: 'returned', value: toPlainData(handle(sandboxCtx)) };
    });
  } catch (thrown) {
    return outcomeOfThrown(thrown, compiled);
  } finally {
    if (handlerCtx) {
      replaceContents(ctx.stash, toPlainData(handlerCtx.stash));
    }
  }
}

/**
 * Evaluates `handler` of `bundle` with `ctx`. Changes the code makes to
 * `ctx.stash` are written back into `ctx.stash`, which a resolver's handlers
 * and pipeline functions share. A bundle AppSync would refuse evaluates to a
 * code error naming every refused construct.
 */
export function evaluateHandler(
  bundle: CodeBundle,
  handler: HandlerName,
  ctx: HandlerContext,
  settings: EvaluationSettings,
): HandlerEvaluation {
  const appendedErrors: ResolverError[] = [];
  const logs: string[] = [];
  const compilation = compiledBundle(bundle);
  if (!compilation.ok) {
    const rejection = new BundleRejectedError(compilation.fileName, compilation.problems, compilation.sources);
    return {
      outcome: { kind: 'codeError', error: { message: rejection.message, errorType: 'Code' } },
      appendedErrors,
      logs,
    };
  }
  const scope: EvaluationScope = {
    authType: settings.authType,
    requestUsage: settings.requestUsage,
    appendError: (error) => appendedErrors.push(toPlainData(error) as ResolverError),
    log: (line) => logs.push(line),
  };
  const outcome = run(compilation.compiled, handler, ctx, scope);
  return { outcome, appendedErrors, logs };
}
