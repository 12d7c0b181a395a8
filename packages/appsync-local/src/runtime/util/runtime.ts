// The `runtime` object of '@aws-appsync/utils'.
// https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html

import { EarlyReturnSignal } from '../signals.ts';

const SKIP_TARGETS = new Set(['END', 'NEXT']);

/** `runtime.earlyReturn(value, { skipTo })` stops the handler; the evaluator decides what is skipped. */
function earlyReturn(value?: unknown, returnOptions?: { skipTo?: unknown }): never {
  const skipTo = returnOptions?.skipTo;
  if (skipTo !== undefined && !SKIP_TARGETS.has(String(skipTo))) {
    throw new Error(`runtime.earlyReturn: skipTo must be 'END' or 'NEXT', not ${JSON.stringify(skipTo)}`);
  }
  throw new EarlyReturnSignal(value, skipTo as 'END' | 'NEXT' | undefined);
}

export const runtimeObject = Object.freeze({ earlyReturn });
