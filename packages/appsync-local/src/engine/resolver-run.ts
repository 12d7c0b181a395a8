import { evaluateHandler } from '../runtime/evaluate-handler.ts';
import type {
  CodeBundle,
  DataSource,
  DataSourceCaller,
  DataSourceOutcome,
  FieldInvocation,
  HandlerContext,
  HandlerName,
  HandlerOutcome,
  RequestUsage,
  ResolverError,
} from '../types.ts';
import { newRequestUsage, REQUEST_REJECTED_ERROR_TYPE } from '../types.ts';
import { MissingDataSourceError } from './missing-data-source.ts';
import { NONE_DATA_SOURCE, NoneDataSource } from './none-data-source.ts';

/** `util.authType()` when the caller's mode isn't given. */
export const DEFAULT_AUTH_TYPE = 'API Key Authorization';

/** What a resolver run takes besides its invocation and data sources. */
export interface ResolverRunOptions {
  /** what `util.authType()` returns */
  authType?: string;
  /** shared by every field of one GraphQL request (a field resolved alone is a request of its own) */
  requestUsage?: RequestUsage;
  /** aborted when the resolver's time is up; data-source calls give up then (and none starts) */
  signal?: AbortSignal;
  /** `ctx.env`: the API's environment variables */
  env?: Record<string, string>;
}

/** The part of `ctx` that differs between the handlers of one resolver run. */
export type StepContext = Pick<HandlerContext, 'prev' | 'result' | 'error'>;

const noneDataSource = new NoneDataSource();

/**
 * What one resolver run shares across its handlers and pipeline functions:
 * the field's invocation, one stash ("The same stash object lives through a
 * single resolver run"), the errors reported and the lines logged so far.
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html
 */
export class ResolverRun {
  readonly stash: Record<string, unknown> = {};
  readonly errors: ResolverError[] = [];
  readonly logs: string[] = [];

  private readonly authType: string;
  private readonly requestUsage: RequestUsage;
  private readonly env: Record<string, string>;

  constructor(
    private readonly invocation: FieldInvocation,
    private readonly dataSources: ReadonlyMap<string, DataSource>,
    private readonly options: ResolverRunOptions = {},
  ) {
    this.authType = options.authType ?? DEFAULT_AUTH_TYPE;
    this.requestUsage = options.requestUsage ?? newRequestUsage();
    this.env = options.env ?? {};
  }

  /** Evaluates a handler; errors it appended are kept, whatever its outcome. */
  evaluate(bundle: CodeBundle, handler: HandlerName, step: StepContext = {}): HandlerOutcome {
    const ctx: HandlerContext = {
      arguments: this.invocation.arguments,
      source: this.invocation.source,
      identity: this.invocation.identity,
      request: this.invocation.request,
      info: this.invocation.info,
      stash: this.stash,
      env: this.env,
      ...step,
    };
    const evaluation = evaluateHandler(bundle, handler, ctx, {
      authType: this.authType,
      requestUsage: this.requestUsage,
    });
    this.errors.push(...evaluation.appendedErrors);
    this.logs.push(...evaluation.logs);
    return evaluation.outcome;
  }

  /**
   * Sends a request handler's value to the data source of that name. A
   * request the data source cannot read at all (`MappingTemplate`) fails the
   * field there, before any response handler, as AppSync reports it.
   */
  async callDataSource(
    name: string,
    request: unknown,
    caller: DataSourceCaller,
    maxBatchSize?: number,
  ): Promise<DataSourceOutcome & { rejected?: ResolverError }> {
    const dataSource = this.dataSources.get(name) ?? (name === NONE_DATA_SOURCE ? noneDataSource : undefined);
    if (!dataSource) {
      throw new MissingDataSourceError(name, request);
    }
    const outcome = await dataSource.invoke(request, {
      signal: this.options.signal,
      caller,
      maxBatchSize,
      batchScope: this.requestUsage,
    });
    return outcome.error?.type === REQUEST_REJECTED_ERROR_TYPE
      ? { ...outcome, rejected: { message: outcome.error.message, errorType: REQUEST_REJECTED_ERROR_TYPE } }
      : outcome;
  }

  /** The field's outcome: `data`, and every error reported along the way. */
  outcome(data: unknown, terminalError?: ResolverError) {
    const errors = terminalError ? [...this.errors, terminalError] : this.errors;
    return { data: terminalError ? null : data, errors, logs: this.logs };
  }
}
