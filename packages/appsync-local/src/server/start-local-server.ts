import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { initiateAuthEndpoint, type InitiateAuthOptions } from '../auth/initiate-auth.ts';
import { APPSYNC_EXECUTION_TIMEOUT_MS, resolveField } from '../engine/resolve-field.ts';
import { resolverName } from '../resolver-name.ts';
import { buildExecutableSchema } from '../graphql/build-schema.ts';
import type { WiredFieldResolver } from '../graphql/field-resolver.ts';
import type { ApiSettings, AuthMode, DataSource, FieldAuthorizer, RequestAuthenticator, ResolverDefinition } from '../types.ts';
import { requireCaller } from './authenticate.ts';
import { limitBody } from './body-limit.ts';
import {
  closeIdleSockets,
  DEFAULT_CONNECTION_TIMEOUTS,
  serverTimeoutOptions,
  type ConnectionTimeouts,
} from './connection-timeouts.ts';
import { cors } from './cors.ts';
import { explorerRoutes, type ExplorerContent } from './explorer.ts';
import { graphqlEndpoint } from './graphql-endpoint.ts';
import {
  ClientGoneError,
  jsonResponse,
  router,
  withMiddleware,
  type Handler,
  type Middleware,
} from './http-pipeline.ts';
import { sendResponse, toLocalRequest } from './node-adapter.ts';
import { mutationPublisher } from '../realtime/publish-mutation.ts';
import type { RealtimeSettings } from '../realtime/realtime-connection.ts';
import { REALTIME_PATH } from '../realtime/handshake-authorization.ts';
import { createRealtimeEndpoint, DEFAULT_REALTIME_SETTINGS } from '../realtime/realtime-endpoint.ts';
import type { SubscriptionOperationContext } from '../realtime/start-subscription.ts';
import { subscriptionTriggers } from '../realtime/subscribe-directives.ts';
import { SubscriptionRegistry } from '../realtime/subscription-registry.ts';

// The local AppSync endpoint: POST and GET /graphql, the real-time WebSocket
// endpoint at /graphql/realtime (subscriptions, fed by the mutations POSTed
// here), the GraphiQL explorer at /, and (with a user pool to sign in to)
// Cognito's InitiateAuth at POST /cognito/. It listens on 127.0.0.1 only.

export interface LocalServerOptions {
  /** 0 picks a free port */
  port: number;
  /** schema.graphql; AppSync's scalars and directives are added to it */
  schemaSDL: string;
  /** read for every request: bundles may have been rebuilt (watch mode) */
  getResolvers: () => ResolverDefinition[];
  /** by name, as resolver definitions refer to them */
  dataSources: Map<string, DataSource>;
  /** the API's environment variables, `ctx.env` in every handler; default none */
  environmentVariables?: Record<string, string>;
  /** checks a request's credentials; a refusal answers 401 */
  authenticate: RequestAuthenticator;
  /** the schema's field-level auth rules; a refused field gets AppSync's Unauthorized error */
  authorizeField: FieldAuthorizer;
  /** CORS: browser origins allowed to call the API; `'*'` only if listed */
  allowedOrigins: string[];
  /** depth and resolver limits, introspection, body size */
  settings: ApiSettings;
  /** the API key the explorer sends; without one the explorer sends no key */
  explorerApiKey?: string;
  /** the user pool browsers sign in to at POST /cognito/; without it there is no such route */
  signIn?: InitiateAuthOptions;
  /** the explorer's title and opening query */
  explorer?: ExplorerContent;
  /**
   * Receives what resolver code wrote with `console.*`, as AppSync sends it to
   * CloudWatch Logs; without it those lines are dropped.
   */
  onResolverLogs?: (resolver: string, lines: string[]) => void;
  /**
   * How long one resolver's data-source calls may take in all before they give
   * up with ExecutionTimeoutException; default AppSync's 30 s.
   */
  resolverTimeoutMs?: number;
  /** shorter (or longer) limits for some resolvers, by `Type.field` */
  resolverTimeoutsMs?: Record<string, number>;
  /** how long a client may take; default DEFAULT_CONNECTION_TIMEOUTS */
  timeouts?: Partial<ConnectionTimeouts>;
  /** the real-time endpoint's timings and limits; default DEFAULT_REALTIME_SETTINGS */
  realtime?: Partial<RealtimeSettings>;
  /**
   * Serve HTTPS and WSS instead of HTTP and WS, with this certificate (PEM):
   * for clients that insist on `wss://`, as Amplify JS does (it turns the
   * endpoint's `http://` into `wss://`); give one the browser trusts
   */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface LocalServer {
  /** `http://127.0.0.1:<port>` (`https://` with `tls`) */
  url: string;
  port: number;
  /** the real-time (subscriptions) endpoint: `ws://127.0.0.1:<port>/graphql/realtime` (`wss://` with `tls`) */
  realtimeUrl: string;
  /** what the real-time endpoint holds now */
  realtimeStats(): { connections: number; subscriptions: number };
  /** stops serving: closes every WebSocket connection (code 1001) and every HTTP connection */
  close(): Promise<void>;
}

/** Where browsers sign in to the local user pool: Amplify's `Auth.Cognito.userPoolEndpoint`. */
export const SIGN_IN_PATH = '/cognito/';

/** `util.authType()` for each auth mode (resolver utility reference, util.authType). */
const AUTH_TYPE_NAMES: Record<AuthMode, string> = {
  API_KEY: 'API Key Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
};

/** Every response carries a request id, as AppSync's do. */
const requestId: Middleware = async (request, next) => {
  const response = await next(request);
  return { ...response, headers: { ...response.headers, 'x-amzn-requestid': randomUUID() } };
};

/** Nothing thrown inside the server reaches a client, least of all a stack trace. */
const internalFailure: Middleware = async (request, next) => {
  try {
    return await next(request);
  } catch (error) {
    if (error instanceof ClientGoneError) {
      // nothing failed here, and nothing will read the answer
      return jsonResponse(400, { errors: [{ message: 'The request was not received in full.' }] });
    }
    console.error(`local AppSync runtime: ${request.method} ${request.path} failed`, error);
    return jsonResponse(500, { errors: [{ errorType: 'InternalFailure', message: 'An internal failure occurred.' }] });
  }
};

/** What running an operation needs, whether it came over HTTP or in a subscription's start. */
function operationContext(options: LocalServerOptions): SubscriptionOperationContext {
  const resolveWiredField: WiredFieldResolver = async (definition, invocation, request) => {
    const timeoutMs =
      options.resolverTimeoutsMs?.[resolverName(definition)] ??
      options.resolverTimeoutMs ??
      APPSYNC_EXECUTION_TIMEOUT_MS;
    const outcome = await resolveField(
      definition,
      invocation,
      options.dataSources,
      {
        authType: AUTH_TYPE_NAMES[request.caller.authMode],
        requestUsage: request.usage,
        signal: AbortSignal.timeout(timeoutMs),
        env: options.environmentVariables,
      },
    );
    if (options.onResolverLogs && outcome.logs && outcome.logs.length > 0) {
      options.onResolverLogs(`${definition.typeName}.${definition.fieldName}`, outcome.logs);
    }
    return outcome;
  };
  return {
    schema: buildExecutableSchema(options.schemaSDL),
    get resolvers() {
      return options.getResolvers();
    },
    resolveWiredField,
    authorizeField: options.authorizeField,
    limits: options.settings,
  };
}

function routes(options: LocalServerOptions, context: SubscriptionOperationContext, registry: SubscriptionRegistry): Handler {
  const graphql = graphqlEndpoint({
    schema: context.schema,
    getResolvers: options.getResolvers,
    resolveWiredField: context.resolveWiredField,
    authorizeField: options.authorizeField,
    settings: options.settings,
    onOperation: mutationPublisher(context.schema, subscriptionTriggers(context.schema), registry, options.settings),
  });
  return router({
    // the size is refused before the credentials are read, as a front door would
    'POST /graphql': withMiddleware(
      graphql,
      limitBody(options.settings.maxRequestBodyBytes),
      requireCaller(options.authenticate),
    ),
    'GET /graphql': withMiddleware(graphql, requireCaller(options.authenticate)),
    ...(options.signIn
      ? {
          [`POST ${SIGN_IN_PATH}`]: withMiddleware(
            initiateAuthEndpoint(options.signIn),
            limitBody(options.settings.maxRequestBodyBytes),
          ),
        }
      : {}),
    ...explorerRoutes({
      endpointPath: '/graphql',
      realtimePath: REALTIME_PATH,
      apiKey: options.explorerApiKey,
      content: options.explorer,
    }),
  });
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const context = operationContext(options);
  const registry = new SubscriptionRegistry(context.schema, options.authorizeField);
  const realtime = createRealtimeEndpoint({
    authenticate: options.authenticate,
    operation: context,
    registry,
    settings: { ...DEFAULT_REALTIME_SETTINGS, ...options.realtime },
  });
  const handle = withMiddleware(
    routes(options, context, registry),
    cors({ allowedOrigins: options.allowedOrigins }),
    requestId,
    internalFailure,
  );
  const timeouts = { ...DEFAULT_CONNECTION_TIMEOUTS, ...options.timeouts };
  const answer = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    handle(toLocalRequest(incoming))
      .then((response) => sendResponse(outgoing, response))
      // only a connection that broke while answering gets here
      .catch(() => outgoing.destroy());
  };
  const server = options.tls
    ? createTlsServer({ ...serverTimeoutOptions(timeouts), ...options.tls }, answer)
    : createServer(serverTimeoutOptions(timeouts), answer);
  closeIdleSockets(server, timeouts);
  server.on('upgrade', (request, socket, head) => realtime.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const secure = options.tls ? 's' : '';
  return {
    url: `http${secure}://127.0.0.1:${port}`,
    port,
    realtimeUrl: `ws${secure}://127.0.0.1:${port}${REALTIME_PATH}`,
    realtimeStats: () => ({ connections: realtime.connectionCount, subscriptions: registry.size }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        realtime.closeAll();
        server.close((error) => (error ? reject(error) : resolve()));
        // keep-alive connections would otherwise hold close() open
        server.closeAllConnections();
      }),
  };
}
