import { requestShapeFailure, RequestShapeError, executionTimeoutFailure } from '../dynamodb/data-source-errors.ts';
import { asRequestObject, requiredString } from '../dynamodb/request-fields.ts';
import { untilAborted } from '../engine/until-aborted.ts';
import type { DataSource, DataSourceCallOptions, DataSourceError, DataSourceOutcome } from '../types.ts';
import type { LambdaFunction, LambdaInvocationResult } from './lambda-function.ts';

// An AppSync AWS_LAMBDA data source, as "AWS AppSync JavaScript resolver
// function reference for Lambda" describes its request:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html
//   { operation: 'Invoke' | 'BatchInvoke', invocationType?: 'RequestResponse' | 'Event', payload }
// - Invoke: the function's event is the payload; its result is ctx.result.
// - BatchInvoke: the requests one resolver (or pipeline function) sends
//   within one GraphQL request, e.g. one per item of a list, go in one call
//   whose event is the list of their payloads, at most MaxBatchSize of them
//   (5 when the resolver sets none: aws/aws-cdk#20467, aws-appsync-community#51).
//   The function answers a list in the same order; each item's response
//   handler gets its own element as ctx.result.
// - Event: the function runs without AppSync waiting for it (Lambda's
//   asynchronous invocation); ctx.result is null.
// A function error is `ctx.error = { type: 'Lambda:Unhandled', message:
// errorMessage, unhandledErrorType: errorType }`, as AppSync reports it
// (aws-appsync-community#209, #386); the stack goes to the log only.

/** AppSync's batch size for BatchInvoke when the resolver sets no MaxBatchSize. */
export const DEFAULT_MAX_BATCH_SIZE = 5;
const OPERATIONS = ['Invoke', 'BatchInvoke'];
const INVOCATION_TYPES = ['RequestResponse', 'Event'];

interface BatchItem {
  payload: unknown;
  settle: (outcome: DataSourceOutcome) => void;
}

interface PendingBatch {
  items: BatchItem[];
  maxSize: number;
}

function functionFailure(result: Extract<LambdaInvocationResult, { ok: false }>): DataSourceError {
  return { type: 'Lambda:Unhandled', message: result.error.errorMessage, unhandledErrorType: result.error.errorType };
}

function logFailure(fn: LambdaFunction, result: LambdaInvocationResult) {
  if (!result.ok) {
    const trace = result.error.trace?.length ? `\n${result.error.trace.join('\n')}` : '';
    console.error(`Lambda ${fn.functionName} ${result.requestId}: ${result.error.errorType}: ${result.error.errorMessage}${trace}`);
  }
}

/** The outcome of each item of a batch, from the function's one answer. */
function batchOutcomes(result: LambdaInvocationResult, size: number): DataSourceOutcome[] {
  if (!result.ok) {
    return Array.from({ length: size }, () => ({ result: null, error: functionFailure(result) }));
  }
  if (!Array.isArray(result.payload) || result.payload.length !== size) {
    const error = {
      type: 'Lambda:Unhandled',
      message: `BatchInvoke: the function must return a list of ${size} results, one per request, in their order`,
    };
    return Array.from({ length: size }, () => ({ result: null, error }));
  }
  return result.payload.map((element) => ({ result: element }));
}

export function createLambdaDataSource(options: { name: string; lambda: LambdaFunction }): DataSource {
  const { lambda } = options;
  // by GraphQL request, then by caller
  const pending = new WeakMap<object, Map<string, PendingBatch>>();

  async function invokeOne(payload: unknown): Promise<DataSourceOutcome> {
    const result = await lambda.invoke(payload);
    logFailure(lambda, result);
    return result.ok ? { result: result.payload } : { result: null, error: functionFailure(result) };
  }

  async function sendBatch(items: BatchItem[]) {
    const result = await lambda.invoke(items.map((item) => item.payload));
    logFailure(lambda, result);
    batchOutcomes(result, items.length).forEach((outcome, index) => items[index].settle(outcome));
  }

  function batched(payload: unknown, { caller = '', maxBatchSize, batchScope = {} }: DataSourceCallOptions) {
    return new Promise<DataSourceOutcome>((settle) => {
      const byCaller = pending.get(batchScope) ?? new Map<string, PendingBatch>();
      pending.set(batchScope, byCaller);
      let batch = byCaller.get(caller);
      if (!batch) {
        batch = { items: [], maxSize: maxBatchSize || DEFAULT_MAX_BATCH_SIZE };
        byCaller.set(caller, batch);
        // the other items of a list resolve in the same turn of the event loop: send once they are in
        const open = batch;
        setImmediate(() => {
          if (byCaller.get(caller) === open) {
            byCaller.delete(caller);
            void sendBatch(open.items);
          }
        });
      }
      batch.items.push({ payload, settle });
      if (batch.items.length >= batch.maxSize) {
        byCaller.delete(caller);
        void sendBatch(batch.items);
      }
    });
  }

  return {
    name: options.name,
    async invoke(request: unknown, callOptions: DataSourceCallOptions = {}): Promise<DataSourceOutcome> {
      let operation: string;
      let payload: unknown;
      let invocationType: unknown;
      try {
        const requestObject = asRequestObject(request, 'the request');
        operation = requiredString(requestObject, 'operation');
        if (!OPERATIONS.includes(operation)) {
          throw new RequestShapeError(`Unsupported operation '${operation}' for a Lambda data source`);
        }
        invocationType = requestObject.invocationType ?? 'RequestResponse';
        if (!INVOCATION_TYPES.includes(invocationType as string)) {
          throw new RequestShapeError(`invocationType must be RequestResponse or Event`);
        }
        payload = requestObject.payload ?? null;
      } catch (error) {
        return { result: null, error: requestShapeFailure(error as RequestShapeError) };
      }
      if (invocationType === 'Event') {
        void lambda.invoke(payload).then((result) => logFailure(lambda, result));
        return { result: null };
      }
      const call = operation === 'BatchInvoke' ? batched(payload, callOptions) : invokeOne(payload);
      const { signal } = callOptions;
      if (!signal) {
        return call;
      }
      return Promise.race([call, untilAborted(signal)]).catch(() => ({
        result: null,
        error: executionTimeoutFailure('Lambda'),
      }));
    },
  };
}
