import type {
  DataSource,
  FieldInvocation,
  FieldOutcome,
  HandlerOutcome,
  PipelineFunctionDefinition,
  ResolverDefinition,
  ResolverError,
} from '../types.ts';
import { ResolverRun } from './resolver-run.ts';

// AppSync's unit and pipeline resolvers, as AWS documents them:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html (runtime.earlyReturn)
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html (ctx.prev, ctx.stash)
//
// Nothing is raised for a failed data source: its error is in ctx.error and
// the response handler decides. util.error (or a code error) anywhere stops
// the resolver: the field is null and the error reported. util.appendError
// keeps the returned value and adds its error.

/** `util.authType()` when the caller's mode isn't given. */
export const DEFAULT_AUTH_TYPE = 'API Key Authorization';

type StoppingOutcome = Extract<HandlerOutcome, { kind: 'error' | 'codeError' }>;

function stops(outcome: HandlerOutcome): outcome is StoppingOutcome {
  return outcome.kind === 'error' || outcome.kind === 'codeError';
}

async function resolveUnit(
  definition: Extract<ResolverDefinition, { kind: 'UNIT' }>,
  run: ResolverRun,
): Promise<FieldOutcome> {
  const request = run.evaluate(definition.bundle, 'request');
  if (stops(request)) {
    return run.outcome(null, request.error);
  }
  if (request.kind === 'earlyReturn') {
    // "the data source and response handler are skipped"
    return run.outcome(request.value);
  }
  const { result, error, rejected } = await run.callDataSource(definition.dataSource, request.value);
  if (rejected) {
    return run.outcome(null, rejected);
  }
  const response = run.evaluate(definition.bundle, 'response', { result, error });
  return stops(response) ? run.outcome(null, response.error) : run.outcome(response.value);
}

/** How a pipeline function ended: its result goes on as `ctx.prev.result`, unless it stopped the resolver. */
type FunctionStep = { next: 'NEXT' | 'END'; result: unknown } | { next: 'STOP'; error: ResolverError };

async function runFunction(fn: PipelineFunctionDefinition, previous: unknown, run: ResolverRun): Promise<FunctionStep> {
  const prev = { result: previous };
  const request = run.evaluate(fn.bundle, 'request', { prev });
  if (stops(request)) {
    return { next: 'STOP', error: request.error };
  }
  if (request.kind === 'earlyReturn') {
    // without skipTo, or with 'NEXT', only this function is skipped
    return { next: request.skipTo === 'END' ? 'END' : 'NEXT', result: request.value };
  }
  const { result, error, rejected } = await run.callDataSource(fn.dataSource, request.value);
  if (rejected) {
    return { next: 'STOP', error: rejected };
  }
  const response = run.evaluate(fn.bundle, 'response', { prev, result, error });
  if (stops(response)) {
    return { next: 'STOP', error: response.error };
  }
  const skipsToEnd = response.kind === 'earlyReturn' && response.skipTo === 'END';
  return { next: skipsToEnd ? 'END' : 'NEXT', result: response.value };
}

async function resolvePipeline(
  definition: Extract<ResolverDefinition, { kind: 'PIPELINE' }>,
  run: ResolverRun,
): Promise<FieldOutcome> {
  const before = run.evaluate(definition.bundle, 'request');
  if (stops(before)) {
    return run.outcome(null, before.error);
  }
  let previous = before.value;
  // an early return in the resolver's request handler skips every function
  if (before.kind !== 'earlyReturn') {
    for (const fn of definition.functions) {
      const step = await runFunction(fn, previous, run);
      if (step.next === 'STOP') {
        return run.outcome(null, step.error);
      }
      previous = step.result;
      if (step.next === 'END') {
        break;
      }
    }
  }
  const after = run.evaluate(definition.bundle, 'response', { prev: { result: previous } });
  return stops(after) ? run.outcome(null, after.error) : run.outcome(after.value);
}

/**
 * Resolves one field with its resolver. `dataSources` are looked up by the
 * names in the definition; `NONE` needs no entry. `authType` is what
 * `util.authType()` returns; `env` is `ctx.env`, the API's environment variables.
 */
export function resolveField(
  definition: ResolverDefinition,
  invocation: FieldInvocation,
  dataSources: ReadonlyMap<string, DataSource>,
  authType: string = DEFAULT_AUTH_TYPE,
  env: Record<string, string> = {},
): Promise<FieldOutcome> {
  const run = new ResolverRun(invocation, dataSources, authType, env);
  return definition.kind === 'UNIT' ? resolveUnit(definition, run) : resolvePipeline(definition, run);
}
