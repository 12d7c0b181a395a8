import { compiledBundle } from './runtime/compile-bundle.ts';
import { authTypeOfIdentity } from './identity-auth-type.ts';
import { evaluateHandler } from './runtime/evaluate-handler.ts';
import type { HandlerContext, HandlerName, ResolverError } from './types.ts';

// AppSync's EvaluateCode API, run locally: one handler of APPSYNC_JS code
// against a context given as JSON, with the same input and output shapes.
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCode.html
// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html

export interface AppSyncRuntime {
  /** only `APPSYNC_JS` */
  name: string;
  /** only `1.0.0` */
  runtimeVersion: string;
}

export interface EvaluateCodeInput {
  runtime: AppSyncRuntime;
  /** the code: an ES module exporting `request` and `response` (1 to 32768 characters) */
  code: string;
  /** the context object as JSON (2 to 28000 characters) */
  context: string;
  /** the handler to evaluate */
  function: HandlerName;
}

/** https://docs.aws.amazon.com/appsync/latest/APIReference/API_CodeError.html */
export interface CodeError {
  /** `LINT_ERROR` or `PARSER_ERROR` */
  errorType: string;
  /** what is wrong, e.g. "Parsing error: Unexpected token" */
  value: string;
  location: { line: number; column: number; span: number };
}

/** https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCodeErrorDetail.html */
export interface EvaluateCodeErrorDetail {
  message: string;
  codeErrors: CodeError[];
}

export interface EvaluateCodeOutput {
  /** what the handler returned, as JSON; absent when it failed */
  evaluationResult?: string;
  error?: EvaluateCodeErrorDetail;
  /** console and util.log lines */
  logs: string[];
  /** ctx.stash after the handler ran, as JSON */
  stash: string;
  /** the errors the handler added to the GraphQL response, as JSON */
  outErrors: string;
}

/** The API's answer to input it refuses (HTTP 400). */
export class BadRequestException extends Error {
  override readonly name = 'BadRequestException';
}

/** AppSync's message when code is refused before it runs (as in CreateResolver's BadRequestException). */
const CODE_REFUSED = 'The code contains one or more errors.';

function requireValid(condition: boolean, message: string): void {
  if (!condition) {
    throw new BadRequestException(message);
  }
}

function parseContext(context: string): Record<string, unknown> {
  requireValid(context.length >= 2 && context.length <= 28000, 'context must be 2 to 28000 characters');
  let parsed: unknown;
  try {
    parsed = JSON.parse(context);
  } catch {
    throw new BadRequestException('context is not valid JSON');
  }
  requireValid(
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed),
    'context must be a JSON object',
  );
  return parsed as Record<string, unknown>;
}

function validate(input: EvaluateCodeInput): Record<string, unknown> {
  requireValid(input.runtime?.name === 'APPSYNC_JS', 'runtime.name must be APPSYNC_JS');
  requireValid(input.runtime.runtimeVersion === '1.0.0', 'runtime.runtimeVersion must be 1.0.0');
  requireValid(
    typeof input.code === 'string' && input.code.length >= 1 && input.code.length <= 32768,
    'code must be 1 to 32768 characters',
  );
  requireValid(input.function === 'request' || input.function === 'response', 'function must be request or response');
  return parseContext(input.context);
}

/** The context as given; a handler always has arguments and a stash. */
function handlerContext(context: Record<string, unknown>): HandlerContext {
  return { ...context, arguments: context.arguments ?? {}, stash: context.stash ?? {} } as HandlerContext;
}

/** Evaluates `input.function` of `input.code` as AppSync's EvaluateCode does. */
export function evaluateCode(input: EvaluateCodeInput): EvaluateCodeOutput {
  const ctx = handlerContext(validate(input));
  const bundle = { fileName: 'code.js', code: input.code };
  const compilation = compiledBundle(bundle);
  if (!compilation.ok) {
    const codeErrors = compilation.problems.map((problem) => ({
      errorType: problem.errorType,
      value: problem.message,
      location: { line: problem.line, column: problem.column, span: problem.span },
    }));
    return {
      error: { message: CODE_REFUSED, codeErrors },
      logs: [],
      stash: JSON.stringify(ctx.stash),
      outErrors: '[]',
    };
  }
  const { outcome, appendedErrors, logs } = evaluateHandler(bundle, input.function, ctx, {
    authType: authTypeOfIdentity(ctx.identity),
  });
  const failed = outcome.kind === 'error' || outcome.kind === 'codeError';
  const outErrors: ResolverError[] = outcome.kind === 'error' ? [...appendedErrors, outcome.error] : appendedErrors;
  return {
    ...(failed
      ? { error: { message: outcome.error.message, codeErrors: [] } }
      : { evaluationResult: JSON.stringify(outcome.value) }),
    logs,
    stash: JSON.stringify(ctx.stash),
    outErrors: JSON.stringify(outErrors),
  };
}
