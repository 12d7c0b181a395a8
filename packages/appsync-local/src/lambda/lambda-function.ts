import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '../cloud-assembly/load-assembly.ts';

// A Node.js Lambda function run on this machine: its handler, from its code
// directory, in worker threads that stand for Lambda's execution
// environments. Each worker runs one invocation at a time and stays warm for
// the next (module state survives, as in a reused environment); concurrent
// invocations get more workers, up to a cap, then wait.
//
// Why worker threads rather than child processes: a worker starts in about a
// tenth of the time and memory of a Node process, gets its own `process.env`
// (the function's variables, not the server's), can be stopped mid-loop by
// terminate() when the function's timeout passes, and its crash or
// process.exit() ends only that worker. What a worker cannot give, native
// addons that are not context-aware and process.chdir(), Lambda handlers
// rarely need.
//
// Results are what Lambda's Invoke API returns: the handler's value as JSON,
// or a function error `{ errorType, errorMessage, trace }`.
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html

/** A function as its template declares it (`AWS::Lambda::Function`). */
export interface LambdaFunctionDefinition {
  /** `context.functionName` */
  functionName: string;
  /** where the function's code lies: its asset directory */
  codeDirectory: string;
  /** `Handler`: the module's path without extension, a dot, the export (`index.handler`, `src/app.main`) */
  handler: string;
  /** `Runtime`, e.g. `nodejs20.x`; only Node.js runtimes run here */
  runtime?: string;
  /** `Environment.Variables` */
  environment?: Record<string, string>;
  /** `Timeout`; Lambda's default is 3 seconds */
  timeoutSeconds?: number;
  /** `MemorySize`, also the worker's heap limit; Lambda's default is 128 MB */
  memorySize?: number;
  /** workers run at once; more invocations wait for one; default 4 */
  maxConcurrency?: number;
}

/** A failed invocation, as Lambda's Invoke API reports it in the response payload. */
export interface LambdaFunctionError {
  errorType: string;
  errorMessage: string;
  /** the stack, for the log only: never shown to GraphQL clients */
  trace?: string[];
}

export type LambdaInvocationResult =
  | { ok: true; requestId: string; payload: unknown }
  | { ok: false; requestId: string; error: LambdaFunctionError };

export interface LambdaFunction {
  readonly functionName: string;
  /** Runs the handler with `event`; never rejects: a failure is an `ok: false` result. */
  invoke(event: unknown): Promise<LambdaInvocationResult>;
  /** Stops every worker. */
  close(): Promise<void>;
}

export const LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;
export const LAMBDA_DEFAULT_MEMORY_MB = 128;
const DEFAULT_MAX_CONCURRENCY = 4;
/** Lambda gives a function's init phase (loading its module) 10 seconds, apart from its timeout. */
const INIT_LIMIT_SECONDS = 10;
const HANDLER_EXTENSIONS = ['.js', '.mjs', '.cjs'];
const WORKER_SCRIPT = new URL('./lambda-worker.mjs', import.meta.url);

/**
 * The module file and export a `Handler` names, looked up as Lambda's Node.js
 * runtime does (`.js`, then `.mjs`, then `.cjs`); throws, naming what is
 * missing, when there is no such file.
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 */
export function handlerModule(codeDirectory: string, handler: string): { moduleFile: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) {
    throw new Error(`handler ${handler} is not of the form module.export`);
  }
  const modulePath = handler.slice(0, dot);
  const moduleFile = HANDLER_EXTENSIONS.map((extension) => join(codeDirectory, modulePath + extension)).find(existsSync);
  if (!moduleFile) {
    throw new Error(`handler ${handler}: no ${modulePath}${HANDLER_EXTENSIONS.join(', ')} in ${codeDirectory}`);
  }
  return { moduleFile, exportName: handler.slice(dot + 1) };
}

/** What Lambda sets in every Node.js function's environment. */
function reservedVariables(
  definition: LambdaFunctionDefinition,
  codeDirectory: string,
  memorySize: number,
): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split('.')[0]}.x`,
    AWS_LAMBDA_FUNCTION_NAME: definition.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${definition.functionName}`,
    LAMBDA_TASK_ROOT: codeDirectory,
    _HANDLER: definition.handler,
  };
}

/** Lambda's words for an invocation that outlived the function's timeout (or its init phase, the init limit). */
function timedOut(requestId: string, seconds: number, what = 'Task'): LambdaFunctionError {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `${new Date().toISOString()} ${requestId} ${what} timed out after ${seconds.toFixed(2)} seconds`,
  };
}

/** Lambda's words for an environment that died during an invocation (process.exit, an uncaught error). */
function exited(requestId: string, cause: string): LambdaFunctionError {
  return { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${cause}` };
}

type InvocationOutcome = { ok: true; payload: unknown } | { ok: false; error: LambdaFunctionError };

/** What a worker posts: the handler started (its module loaded), then the outcome. */
type WorkerMessage = { started: true } | InvocationOutcome;

interface Environment {
  worker: Worker;
  /** the invocation in progress, if any */
  current?: { requestId: string; started(): void; settle: (outcome: InvocationOutcome) => void };
}

/** Starts nothing yet: workers start on the first invocations and stay for the next. */
export function startLambdaFunction(definition: LambdaFunctionDefinition): LambdaFunction {
  if (definition.runtime !== undefined && !definition.runtime.startsWith('nodejs')) {
    throw new Error(
      `Lambda function ${definition.functionName}: runtime ${definition.runtime} is not run locally (Node.js runtimes only)`,
    );
  }
  const codeDirectory = resolve(definition.codeDirectory);
  const { moduleFile, exportName } = handlerModule(codeDirectory, definition.handler);
  const timeoutSeconds = definition.timeoutSeconds ?? LAMBDA_DEFAULT_TIMEOUT_SECONDS;
  const memorySize = definition.memorySize ?? LAMBDA_DEFAULT_MEMORY_MB;
  const maxConcurrency = definition.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  const idle: Environment[] = [];
  const all = new Set<Environment>();
  /** invocations waiting for a free environment; undefined: the function was closed */
  const waiting: ((environment: Environment | undefined) => void)[] = [];
  let closed = false;

  function discard(environment: Environment) {
    all.delete(environment);
    const index = idle.indexOf(environment);
    if (index >= 0) {
      idle.splice(index, 1);
    }
    void environment.worker.terminate();
    // a waiting invocation takes the freed place
    const next = waiting.shift();
    if (next) {
      next(newEnvironment());
    }
  }

  function newEnvironment(): Environment {
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: {
        codeDirectory,
        moduleFile,
        exportName,
        functionName: definition.functionName,
        memoryLimitInMB: memorySize,
        region: LOCAL_REGION,
        accountId: LOCAL_ACCOUNT,
      },
      env: { ...reservedVariables(definition, codeDirectory, memorySize), ...definition.environment },
      resourceLimits: { maxOldGenerationSizeMb: memorySize },
    });
    const environment: Environment = { worker };
    const fail = (cause: string) =>
      environment.current?.settle({ ok: false, error: exited(environment.current.requestId, cause) });
    worker.on('message', (message: WorkerMessage) =>
      'started' in message ? environment.current?.started() : environment.current?.settle(message),
    );
    worker.on('error', (error) => fail(`${error.name}: ${error.message}`));
    worker.on('exit', (code) => {
      fail(`exit status ${code}`);
      if (all.has(environment)) {
        discard(environment);
      }
    });
    all.add(environment);
    return environment;
  }

  function acquire(): Promise<Environment | undefined> {
    const environment = idle.pop();
    if (environment) {
      return Promise.resolve(environment);
    }
    if (all.size < maxConcurrency) {
      return Promise.resolve(newEnvironment());
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(environment: Environment) {
    const next = waiting.shift();
    if (next) {
      next(environment);
    } else {
      idle.push(environment);
    }
  }

  async function invoke(event: unknown): Promise<LambdaInvocationResult> {
    const requestId = randomUUID();
    const environment = closed ? undefined : await acquire();
    if (!environment) {
      return { ok: false, requestId, error: exited(requestId, 'the local server was stopping') };
    }
    const outcome = await new Promise<InvocationOutcome>((resolve) => {
      const expire = (seconds: number, what?: string) =>
        setTimeout(() => resolve({ ok: false, error: timedOut(requestId, seconds, what) }), seconds * 1000);
      let timer = expire(INIT_LIMIT_SECONDS, 'Init phase');
      environment.current = {
        requestId,
        started() {
          clearTimeout(timer);
          timer = expire(timeoutSeconds);
        },
        settle(settled) {
          clearTimeout(timer);
          resolve(settled);
        },
      };
      environment.worker.postMessage({ requestId, event, timeoutMs: timeoutSeconds * 1000 });
    });
    environment.current = undefined;
    const result: LambdaInvocationResult = { ...outcome, requestId };
    // a timed-out or dead environment is not reused: Lambda starts a fresh one
    if (!result.ok && (result.error.errorType === 'Sandbox.Timedout' || result.error.errorType === 'Runtime.ExitError')) {
      discard(environment);
    } else {
      release(environment);
    }
    return result;
  }

  return {
    functionName: definition.functionName,
    invoke,
    async close() {
      closed = true;
      waiting.splice(0).forEach((wake) => wake(undefined));
      const environments = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(environments.map((environment) => environment.worker.terminate()));
    },
  };
}
