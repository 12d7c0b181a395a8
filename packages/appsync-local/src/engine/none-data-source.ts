import type { DataSource, DataSourceOutcome } from '../types.ts';

/** The data source name a resolver can use without configuring one. */
export const NONE_DATA_SOURCE = 'NONE';

/**
 * AppSync's `None` data source: nothing is called, and the request's
 * `payload` field becomes `ctx.result` of the response handler.
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-none-js.html
 */
export class NoneDataSource implements DataSource {
  constructor(readonly name: string = NONE_DATA_SOURCE) {}

  async invoke(request: unknown): Promise<DataSourceOutcome> {
    const payload =
      typeof request === 'object' && request !== null ? (request as { payload?: unknown }).payload : undefined;
    return { result: payload ?? null };
  }
}
