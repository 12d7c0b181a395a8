// Contracts between the parts of the local AppSync runtime. Each part (the
// APPSYNC_JS evaluator, the `util` library, the DynamoDB data source, the
// GraphQL server) is built and tested alone against these shapes.

/**
 * The error type of a request object a data source cannot read at all (e.g.
 * "Value for field '$[operation]' not found."). AppSync fails the field with it
 * instead of handing it to the response handler.
 */
export const REQUEST_REJECTED_ERROR_TYPE = 'MappingTemplate';

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

/**
 * Who sent a request to a data source: the unit resolver (`Query.listEvents`)
 * or the pipeline function (`function:listPage`). A DynamoDB nextToken is
 * only good for the caller it was issued to.
 */
export type DataSourceCaller = string;

export interface DataSourceCallOptions {
  /**
   * Aborted when the resolver's time is up: the call gives up, answering
   * `<Kind>:ExecutionTimeoutException`, and cancels what it can.
   */
  signal?: AbortSignal;
  caller?: DataSourceCaller;
}

/** A data source turns the object a request handler returned into a call. */
export interface DataSource {
  readonly name: string;
  invoke(request: unknown, options?: DataSourceCallOptions): Promise<DataSourceOutcome>;
}

/** The identity AppSync exposes as `ctx.identity` (API key callers have none: null). */
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
  identity: Identity | null;
  request: RequestInfo;
  info: FieldInfo;
}

/** What the resolver engine hands back for one field. */
export interface FieldOutcome {
  data: unknown;
  errors: ResolverError[];
  /** `console.*` and `util.log.*` lines of the resolver's handlers, in order (AppSync sends them to CloudWatch) */
  logs?: string[];
}

/** The `ctx` a request or response handler receives (`args` is added as an alias of `arguments`). */
export interface HandlerContext {
  arguments: Record<string, unknown>;
  source: Record<string, unknown> | null;
  identity: Identity | null;
  request: RequestInfo;
  info: FieldInfo;
  /** shared by a resolver and its pipeline functions; handlers mutate it */
  stash: Record<string, unknown>;
  /** the API's environment variables (`ctx.env`) */
  env?: Record<string, string>;
  /** `ctx.prev.result`: the previous step's result in a pipeline (no `result` where there is none) */
  prev?: { result?: unknown };
  /** the data source's result, for a response handler */
  result?: unknown;
  /** the data source's failure, for a response handler */
  error?: DataSourceError;
}

export type HandlerName = 'request' | 'response';

/** How one handler ended. */
export type HandlerOutcome =
  | { kind: 'returned'; value: unknown }
  /** `runtime.earlyReturn(value, { skipTo })` */
  | { kind: 'earlyReturn'; value: unknown; skipTo?: 'END' | 'NEXT' }
  /** `util.error(...)` or `util.unauthorized()` */
  | { kind: 'error'; error: ResolverError }
  /** the code itself failed: a TypeError, a forbidden construct, a missing export */
  | { kind: 'codeError'; error: ResolverError };

export interface HandlerEvaluation {
  outcome: HandlerOutcome;
  /** `util.appendError(...)` calls, in order */
  appendedErrors: ResolverError[];
  /** `console.*` and `util.log.*` lines */
  logs: string[];
}

/**
 * What `util`, `runtime` and `extensions` report back to the evaluator while a
 * handler runs. One scope per handler evaluation, never shared.
 */
export interface EvaluationScope {
  appendError(error: ResolverError): void;
  log(line: string): void;
  /** `util.authType()`: "API Key Authorization", "User Pool Authorization", … */
  authType: string;
  /**
   * what the whole GraphQL request has used so far, shared by every handler
   * it runs; without it, the evaluation is a request of its own (EvaluateCode)
   */
  requestUsage?: RequestUsage;
}

/**
 * What one GraphQL request has used of AppSync's per-request allowances,
 * shared by every resolver the request runs.
 */
export interface RequestUsage {
  /** the distinct `extensions.invalidateSubscriptions()` arguments, as JSON */
  subscriptionInvalidations: Set<string>;
  /** the last `extensions.setSubscriptionFilter()` argument (a subscription resolver's) */
  subscriptionFilter?: unknown;
  /** the last `extensions.setSubscriptionInvalidationFilter()` argument (a subscription resolver's) */
  subscriptionInvalidationFilter?: unknown;
}

export function newRequestUsage(): RequestUsage {
  return { subscriptionInvalidations: new Set() };
}

/**
 * Limits and switches of an API, as AppSync applies them.
 * https://docs.aws.amazon.com/appsync/latest/devguide/configuring-query-depth.html
 */
export interface ApiSettings {
  /** deepest nesting of fields a query may have (AppSync allows 1 to 75) */
  queryDepthLimit: number;
  /** most resolvers one request may invoke (AppSync allows 1 to 10,000) */
  resolverCountLimit: number;
  /** whether the schema may be read by introspection */
  introspection: boolean;
  /** largest request body the local server reads, in bytes */
  maxRequestBodyBytes: number;
}

/** AppSync's authorization modes that this API uses. */
export type AuthMode = 'API_KEY' | 'AMAZON_COGNITO_USER_POOLS';

/** Who sent a request, once its credentials were checked. */
export interface AuthenticatedCaller {
  authMode: AuthMode;
  /** what AppSync puts in `ctx.identity` for this mode (null for API_KEY) */
  identity: Identity | null;
}

/**
 * The outcome of checking a request's credentials. AppSync answers a refused
 * request with HTTP 401 and `errorType: "UnauthorizedException"`.
 */
export type AuthenticationResult =
  | { ok: true; caller: AuthenticatedCaller }
  | { ok: false; message: string };

export interface IncomingRequestCredentials {
  /** lower-cased header names */
  headers: Record<string, string | undefined>;
  sourceIp: string;
}

export type RequestAuthenticator = (request: IncomingRequestCredentials) => Promise<AuthenticationResult>;

/** Whether a caller's mode may resolve a field, by the schema's `@aws_*` auth directives. */
export type FieldAuthorizer = (typeName: string, fieldName: string, caller: AuthenticatedCaller) => boolean;
