// Contracts between the parts of the local AppSync runtime. Each part (the
// APPSYNC_JS evaluator, the `util` library, the DynamoDB data source, the
// GraphQL server) is built and tested alone against these shapes.

/** A data-source failure as AppSync hands it to a response handler in `ctx.error`. */
export interface DataSourceError {
  message: string;
  /** e.g. `DynamoDB:ConditionalCheckFailedException` */
  type: string;
}

/**
 * What a data source gives back for one request object. On failure AppSync
 * still runs the response handler, with `ctx.error` set (and, for some
 * operations such as transactions, a partial `ctx.result`).
 */
export interface DataSourceOutcome {
  result: unknown;
  error?: DataSourceError;
}

/** A data source turns the object a request handler returned into a call. */
export interface DataSource {
  readonly name: string;
  invoke(request: unknown): Promise<DataSourceOutcome>;
}

/** The identity AppSync exposes as `ctx.identity` (empty object for API key auth). */
export type Identity = Record<string, unknown>;

/** `ctx.request` */
export interface RequestInfo {
  headers: Record<string, string>;
  domainName: string | null;
}

/** `ctx.info` */
export interface FieldInfo {
  fieldName: string;
  parentTypeName: string;
  variables: Record<string, unknown>;
  selectionSetList: string[];
  selectionSetGraphQL: string;
}

/** An error a resolver reported, in the shape AppSync puts in the response's `errors[]`. */
export interface ResolverError {
  message: string;
  errorType?: string | null;
  data?: unknown;
  errorInfo?: unknown;
}

/** A compiled resolver or function bundle (ESM, `@aws-appsync/*` imports left external). */
export interface CodeBundle {
  /** shown in error messages: the bundle's file */
  fileName: string;
  code: string;
}

export interface PipelineFunctionDefinition {
  name: string;
  dataSource: string;
  bundle: CodeBundle;
}

export type ResolverDefinition =
  | {
      kind: 'UNIT';
      typeName: string;
      fieldName: string;
      dataSource: string;
      bundle: CodeBundle;
    }
  | {
      kind: 'PIPELINE';
      typeName: string;
      fieldName: string;
      /** the resolver's own code: `request` runs before the functions, `response` after */
      bundle: CodeBundle;
      functions: PipelineFunctionDefinition[];
    };

/** What the GraphQL layer hands the resolver engine for one field. */
export interface FieldInvocation {
  arguments: Record<string, unknown>;
  source: Record<string, unknown> | null;
  identity: Identity;
  request: RequestInfo;
  info: FieldInfo;
}

/** What the resolver engine hands back for one field. */
export interface FieldOutcome {
  data: unknown;
  errors: ResolverError[];
}
