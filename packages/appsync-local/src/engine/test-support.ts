import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CodeBundle, DataSource, DataSourceCallOptions, DataSourceOutcome, FieldInvocation } from '../types.ts';

// A small real data source and handy bundles for the engine's tests.

/**
 * Answers every request with `answer(request)` (an echo by default) after a
 * turn of the event loop, and keeps the requests it was sent.
 */
export class RecordingDataSource implements DataSource {
  readonly requests: unknown[] = [];
  /** who sent each request: the unit resolver or the pipeline function */
  readonly callers: (string | undefined)[] = [];

  constructor(
    readonly name: string,
    private readonly answer: (request: unknown) => DataSourceOutcome = (request) => ({ result: request }),
  ) {}

  async invoke(request: unknown, { caller }: DataSourceCallOptions = {}): Promise<DataSourceOutcome> {
    this.requests.push(request);
    this.callers.push(caller);
    await nextTurn();
    return this.answer(request);
  }
}

/** A bundle exporting `request` and `response` with the given bodies (`ctx`, `util` and `runtime` in scope). */
export function handlers(name: string, request: string, response: string): CodeBundle {
  return {
    fileName: `build/appsync/${name}.js`,
    code: `import { util, runtime, extensions } from '@aws-appsync/utils';
export function request(ctx) {
${request}
}
export function response(ctx) {
${response}
}
`,
  };
}

export function invocation(overrides: Partial<FieldInvocation> = {}): FieldInvocation {
  return {
    arguments: { eventId: 'e-1' },
    source: null,
    identity: {},
    request: { headers: {}, domainName: null },
    info: {
      fieldName: 'getEvent',
      parentTypeName: 'Query',
      variables: {},
      selectionSetList: [],
      selectionSetGraphQL: '',
    },
    ...overrides,
  };
}
