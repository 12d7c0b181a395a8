import type {
  DataSource,
  FieldInvocation,
  FieldOutcome,
  HandlerOutcome,
  PipelineFunctionDefinition,
  ResolverDefinition,
  ResolverError,
} from '../types.ts';
import { ResolverRun, type ResolverRunOptions } from './resolver-run.ts';

// AppSync's unit and pipeline resolvers, as AWS documents them:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html (runtime.earlyReturn)
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html (ctx.prev, ctx.stash)
//
// What each handler sees of the steps before it (resolver context reference,
// `prev` and `result`; pipeline resolver reference: "The output of the last
// function … is available in the pipeline resolver mapping template as
// $ctx.prev.result or $ctx.result"):
//   handler                 ctx.prev.result            ctx.result
//   unit request / before   absent (ctx.prev is {})    absent
//   unit response           absent (ctx.prev is {})    the data source's result
//   function request        the previous step's value  absent
//   function response       the previous step's value  the data source's result
//   after                   the last step's value      the same value
// The docs never show a handler without a previous step; `ctx.prev` is an
// object there too, so that reading `ctx.prev.result` is no TypeError.
//
// Nothing is raised for a failed data source: its error is in ctx.error and
// the response handler decides. util.error (or a code error) anywhere stops
// the resolver: the field is null and the error reported. util.appendError
// keeps the returned value and adds its error.

/**
 * AppSync gives a request at most 30 seconds ("Request execution time for
 * mutations, queries, and subscriptions", a quota that cannot be raised:
 * https://docs.aws.amazon.com/general/latest/gr/appsync.html); here each
 * resolver's data-source calls get that long by default.
 */
export const APPSYNC_EXECUTION_TIMEOUT_MS = 30_000;

type StoppingOutcome = Extract<HandlerOutcome, { kind: 'error' | 'codeError' }>;

function stops(outcome: HandlerOutcome): outcome is StoppingOutcome {
  return outcome.kind === 'error' || outcome.kind === 'codeError';
}

async function resolveUnit(
  definition: Extract<ResolverDefinition, { kind: 'UNIT' }>,
  run: ResolverRun,
): Promise<FieldOutcome> {
  const request = run.evaluate(definition.bundle, 'request', { prev: {} });
  if (stops(request)) {
    return run.outcome(null, request.error);
  }
  if (request.kind === 'earlyReturn') {
    // "the data source and response handler are skipped"
    return run.outcome(request.value);
  }
  const caller = `${definition.typeName}.${definition.fieldName}`;
  const { result, error, rejected } = await run.callDataSource(
    definition.dataSource,
    request.value,
    caller,
    definition.maxBatchSize,
  );
  if (rejected) {
    return run.outcome(null, rejected);
  }
  const response = run.evaluate(definition.bundle, 'response', { prev: {}, result, error });
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
  const { result, error, rejected } = await run.callDataSource(
    fn.dataSource,
    request.value,
    `function:${fn.name}`,
    fn.maxBatchSize,
  );
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
  const before = run.evaluate(definition.bundle, 'request', { prev: {} });
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
  const after = run.evaluate(definition.bundle, 'response', { prev: { result: previous }, result: previous });
  return stops(after) ? run.outcome(null, after.error) : run.outcome(after.value);
}

/**
 * Resolves one field with its resolver. `dataSources` are looked up by the
 * names in the definition; `NONE` needs no entry. `authType` is what
 * `util.authType()` returns (default: API key's), `requestUsage` is shared by
 * every field of one GraphQL request, `signal` ends its data-source calls when
 * its time is up, and `env` is `ctx.env` (see {@link ResolverRunOptions}).
 */
export function resolveField(
  definition: ResolverDefinition,
  invocation: FieldInvocation,
  dataSources: ReadonlyMap<string, DataSource>,
  options: ResolverRunOptions = {},
): Promise<FieldOutcome> {
  const run = new ResolverRun(invocation, dataSources, options);
  return definition.kind === 'UNIT' ? resolveUnit(definition, run) : resolvePipeline(definition, run);
}
