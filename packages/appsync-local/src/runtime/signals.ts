import type { ResolverError } from '../types.ts';

// `util.error` and `runtime.earlyReturn` stop a handler mid-way. They throw
// one of these host-side signals, which the evaluator catches and turns into
// a HandlerOutcome; resolver code cannot catch them (APPSYNC_JS has no try).

export class ResolverErrorSignal {
  constructor(readonly error: ResolverError) {}
}

export class EarlyReturnSignal {
  constructor(
    readonly value: unknown,
    readonly skipTo?: 'END' | 'NEXT',
  ) {}
}
