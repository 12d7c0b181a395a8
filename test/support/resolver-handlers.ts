import { expect } from 'vitest';
import type { DataSourceError, EvaluateCodeOutput, HandlerName, Identity, ResolverError } from 'appsync-local';
import { bundleTypeScript } from 'appsync-local/bundle';
import { APPSYNC_JS, evaluate } from 'appsync-local/evaluate';
import { resolverBundleOptions } from '../../scripts/build-resolvers.ts';
import {
  functionBundlePath,
  functionSourcePath,
  functionWiring,
  resolverBundlePath,
  resolverName,
  resolverSourcePath,
  resolverWiring,
} from '../../model/api-wiring.ts';
import { DYNAMODB_INTERNALS } from './resolver-fixtures.ts';

// Resolver unit tests in the manner of AWS's testing guide: bundle the code,
// hand EvaluateCode a context, parse what comes back.
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html

/** The parts of `ctx` a test sets; the rest is filled in as AppSync would. */
export interface TestContext {
  /** `ctx.arguments`; default none */
  arguments?: Record<string, unknown>;
  /** `ctx.identity`: empty for an API-key caller, Cognito claims for a signed-in user */
  identity: Identity;
  /** `ctx.stash` as earlier handlers left it; default empty */
  stash?: Record<string, unknown>;
  /** `ctx.prev.result`: what the previous pipeline step returned */
  prev?: { result: unknown };
  /** `ctx.result`: the data source's answer, for a response handler */
  result?: unknown;
  /** `ctx.error`: the data source's failure, for a response handler */
  error?: DataSourceError;
  /** `ctx.env`: the API's environment variables */
  env?: Record<string, string>;
  /** parts of `ctx.info` to set, e.g. the selection a subscriber asked for */
  info?: { selectionSetList?: string[]; selectionSetGraphQL?: string };
}

/** The request and response handlers of one resolver or pipeline function, each evaluated through `evaluate`. */
export type HandlersUnderTest = Record<HandlerName, (context: TestContext) => Promise<EvaluateCodeOutput>>;

/** `Query.getEvent` → the field AppSync resolves, which `ctx.info` names. */
function fieldOf(name: string): { parentTypeName: string; fieldName: string } {
  const [parentTypeName, fieldName] = name.split('.');
  return { parentTypeName, fieldName };
}

function fullContext(field: string, context: TestContext): Record<string, unknown> {
  const { parentTypeName, fieldName } = fieldOf(field);
  return {
    arguments: {},
    source: null,
    stash: {},
    request: { headers: {}, domainName: null },
    ...context,
    info: { parentTypeName, fieldName, variables: {}, selectionSetList: [], selectionSetGraphQL: '', ...context.info },
  };
}

function handlersOf(code: string, field: string): HandlersUnderTest {
  const handler = (name: HandlerName) => (context: TestContext) =>
    evaluate({ runtime: APPSYNC_JS, code, context: JSON.stringify(fullContext(field, context)), function: name });
  return { request: handler('request'), response: handler('response') };
}

/**
 * A resolver of model/api-wiring.ts, e.g. `Query.getEvent`, bundled from its
 * TypeScript exactly as `npm run build` bundles it, so the tests never run a
 * stale build.
 */
export async function resolverUnderTest(name: string): Promise<HandlersUnderTest> {
  const wiring = resolverWiring.find((candidate) => resolverName(candidate) === name);
  if (!wiring) {
    throw new Error(`${name} is not wired in model/api-wiring.ts`);
  }
  const { code } = await bundleTypeScript({ path: resolverSourcePath(wiring) }, resolverBundlePath(wiring), resolverBundleOptions());
  return handlersOf(code, name);
}

/** A pipeline function of model/api-wiring.ts, run as a step of the resolver `field` (e.g. `Mutation.updateEvent`). */
export async function functionUnderTest(name: string, field: string): Promise<HandlersUnderTest> {
  if (!functionWiring.some((candidate) => candidate.name === name)) {
    throw new Error(`${name} is not a pipeline function of model/api-wiring.ts`);
  }
  const { code } = await bundleTypeScript({ path: functionSourcePath(name) }, functionBundlePath(name), resolverBundleOptions());
  return handlersOf(code, field);
}

/** What the handler returned (a request object, or the field's value), parsed from `evaluationResult`; `any` because each test asserts its shape. */
export function returned(output: EvaluateCodeOutput): any {
  expect(output.error, 'the handler raised an error instead of returning').toBeUndefined();
  return JSON.parse(output.evaluationResult as string);
}

/** The error the handler raised with `util.error` or `util.unauthorized`, as the GraphQL response would list it. */
export function raised(output: EvaluateCodeOutput): ResolverError {
  expect(output.evaluationResult, 'the handler returned instead of raising an error').toBeUndefined();
  const errors = JSON.parse(output.outErrors) as ResolverError[];
  const error = errors[errors.length - 1];
  expect(error?.message).toBe(output.error?.message);
  return error;
}

/**
 * Asserts the handler answered a data-source failure with a plain
 * InternalError: nothing of DynamoDB's message (table ARN, key schema) in the
 * error or in the logs.
 */
export function expectOpaqueInternalError(output: EvaluateCodeOutput): ResolverError {
  const error = raised(output);
  expect(error.errorType).toBe('InternalError');
  expect(error.message).toBe('The request could not be completed; try again later');
  expect(JSON.stringify(error)).not.toContain(DYNAMODB_INTERNALS);
  expect(output.logs.join('\n')).not.toContain(DYNAMODB_INTERNALS);
  return error;
}

/**
 * The arguments of each `extensions.<name>(…)` call a handler made, in order,
 * read from the line the evaluator logs for it.
 */
export function extensionCalls(output: EvaluateCodeOutput, name: string): unknown[] {
  const prefix = `extensions.${name}(`;
  return output.logs
    .filter((line) => line.startsWith(prefix))
    .map((line) => JSON.parse(line.slice(prefix.length, line.lastIndexOf(')'))));
}
