import { request } from 'node:https';
import { generate } from 'selfsigned';
import { WebSocket } from 'ws';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from '../auth/test-support.ts';
import { LOCAL_USER_POOL, mintIdToken, startAppSyncApi, type AppSyncApi, type AppSyncApiOptions } from '../index.ts';
import type { ResolverDefinition } from '../types.ts';

// A small API with subscriptions and NONE data sources only (no DynamoDB
// Local), and a real-time client built on `ws` that speaks the protocol as
// AWS's page shows it, for the tests of the real-time endpoint.
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html

export const API_KEY = 'da2-realtime-test-key';

export const SCHEMA = /* GraphQL */ `
  type Item @aws_api_key @aws_cognito_user_pools {
    id: ID!
    owner: String
    status: String
    count: Int
    tags: [String]
    title: String
    secret: String @aws_cognito_user_pools
  }
  type Query {
    getItem(id: ID!): Item
  }
  type Mutation @aws_api_key @aws_cognito_user_pools {
    putItem(id: ID!, owner: String, status: String, count: Int, tags: [String], title: String, secret: String): Item
    failItem(id: ID!): Item
    banOwner(owner: String!): String
  }
  type Subscription @aws_api_key @aws_cognito_user_pools {
    onItem(id: ID, owner: String): Item @aws_subscribe(mutations: ["putItem", "failItem"])
    onFiltered(filter: String!): Item @aws_subscribe(mutations: ["putItem"])
    onMine: Item @aws_subscribe(mutations: ["putItem"]) @aws_cognito_user_pools
    onRefused: Item @aws_subscribe(mutations: ["putItem"])
  }
`;

function noneResolver(typeName: string, fieldName: string, response: string, request = 'return { payload: ctx.args };'): ResolverDefinition {
  return {
    kind: 'UNIT',
    typeName,
    fieldName,
    dataSource: 'NONE',
    bundle: {
      fileName: `${typeName}.${fieldName}.js`,
      code: `import { util, extensions } from '@aws-appsync/utils';
export function request(ctx) { ${request} }
export function response(ctx) { ${response} }
`,
    },
  };
}

export const RESOLVERS: ResolverDefinition[] = [
  noneResolver('Mutation', 'putItem', 'return ctx.result;'),
  noneResolver('Mutation', 'failItem', "util.error('The item cannot be saved', 'SaveFailed');"),
  noneResolver(
    'Mutation',
    'banOwner',
    "extensions.invalidateSubscriptions({ subscriptionField: 'onItem', payload: { owner: ctx.args.owner } }); return ctx.args.owner;",
  ),
  // a subscriber to one owner's items is unsubscribed when that owner is banned
  noneResolver(
    'Subscription',
    'onItem',
    'if (ctx.args.owner) { extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ owner: { eq: ctx.args.owner } })); } return null;',
  ),
  // the filter comes from the subscriber, so that tests can set any filter
  noneResolver('Subscription', 'onFiltered', 'extensions.setSubscriptionFilter(JSON.parse(ctx.args.filter)); return null;'),
  noneResolver(
    'Subscription',
    'onMine',
    'extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ owner: { eq: ctx.identity.username } })); return null;',
  ),
  noneResolver('Subscription', 'onRefused', "util.error('You may not subscribe to this', 'Forbidden');"),
];

export interface TestApi {
  api: AppSyncApi;
  pool: TemporaryUserPoolKeys;
  idToken(username: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the test API; with `sharedPool` (another test API's), it signs with that pool's key and leaves the key to its owner. */
export async function startTestApi(overrides: Partial<AppSyncApiOptions> = {}, sharedPool?: TemporaryUserPoolKeys): Promise<TestApi> {
  const pool = sharedPool ?? (await temporaryUserPoolKeys({ sharedKey: true }));
  const api = await startAppSyncApi({
    schema: SCHEMA,
    resolvers: () => RESOLVERS,
    dataSources: [],
    authorization: {
      default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] },
      additional: [{ type: 'AMAZON_COGNITO_USER_POOLS', userPool: LOCAL_USER_POOL, jwks: pool.keys.jwks }],
    },
    ...overrides,
  });
  return {
    api,
    pool,
    idToken: (username) => mintIdToken(pool.keys, { username }),
    async stop() {
      await api.close();
      if (!sharedPool) {
        await pool.remove();
      }
    },
  };
}

export async function postGraphQL(api: AppSyncApi, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = { 'x-api-key': API_KEY }) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
}

/** A self-signed certificate for 127.0.0.1, as `tls` takes it; `cert` is also the CA a client trusts. */
export async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const certificate = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { key: certificate.private, cert: certificate.cert };
}

/** A GraphQL POST over https:// to a server whose certificate `ca` signed (fetch takes no CA of its own). */
export function postGraphQLOverTls(url: string, ca: string, query: string, apiKey = API_KEY): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const outgoing = request(`${url}/graphql`, { method: 'POST', ca, headers }, (incoming) => {
      let body = '';
      incoming.on('data', (chunk) => (body += chunk));
      incoming.on('end', () => resolve(JSON.parse(body)));
    });
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify({ query }));
  });
}

export type Message = Record<string, unknown> & { type: string; id?: string; payload?: Record<string, unknown> };

function base64Json(value: unknown, urlSafe = false): string {
  return Buffer.from(JSON.stringify(value)).toString(urlSafe ? 'base64url' : 'base64');
}

/** What a real-time client needs of a server: startAppSyncApi's or serveCloudAssembly's. */
type RealtimeServer = Pick<AppSyncApi, 'url' | 'realtimeUrl'>;

/** The URL with the credentials in the `header` query parameter, as the AWS page shows it. */
export function queryStringUrl(api: RealtimeServer, authorization: Record<string, string>): string {
  return `${api.realtimeUrl}?header=${encodeURIComponent(base64Json(authorization))}&payload=e30=`;
}

/** A real-time client: every message the server sent, in order, awaited one by one. */
export class RealtimeClient {
  /** messages not yet taken by `next` */
  readonly received: Message[] = [];
  /** every message, taken or not */
  readonly log: Message[] = [];
  private readonly waiting: { predicate: (message: Message) => boolean; resolve: (message: Message) => void }[] = [];
  closeCode: number | undefined;
  readonly closed: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Message;
      this.log.push(message);
      this.received.push(message);
      const index = this.waiting.findIndex((waiter) => waiter.predicate(message));
      if (index >= 0) {
        this.waiting.splice(index, 1)[0].resolve(message);
      }
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  /**
   * Opens a connection. `authorization` goes where `via` says: the `header`
   * query parameter (base64) or a `header-…` subprotocol (base64url, as Amplify JS v6 sends it).
   */
  static async open(
    api: RealtimeServer,
    authorization: Record<string, string> = { host: new URL(api.url).host, 'x-api-key': API_KEY },
    via: 'query' | 'subprotocol' = 'query',
  ): Promise<RealtimeClient> {
    const socket =
      via === 'query'
        ? new WebSocket(queryStringUrl(api, authorization), ['graphql-ws'])
        : new WebSocket(api.realtimeUrl, ['graphql-ws', `header-${base64Json(authorization, true)}`]);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new RealtimeClient(socket);
  }

  /** Opens a connection and waits for connection_ack. */
  static async connect(api: RealtimeServer, authorization?: Record<string, string>): Promise<RealtimeClient> {
    const client = await RealtimeClient.open(api, authorization);
    client.send({ type: 'connection_init' });
    await client.next('connection_ack');
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message of this type, or one of these types (and of this id), not yet taken, waiting for it if need be. */
  next(type: string | string[], id?: string): Promise<Message> {
    const types = Array.isArray(type) ? type : [type];
    const predicate = (message: Message) => types.includes(message.type) && (id === undefined || message.id === id);
    const index = this.received.findIndex(predicate);
    if (index >= 0) {
      return Promise.resolve(this.received.splice(index, 1)[0]);
    }
    return new Promise((resolve) =>
      this.waiting.push({
        predicate,
        resolve: (message) => {
          this.received.splice(this.received.indexOf(message), 1);
          resolve(message);
        },
      }),
    );
  }

  /** Sends `start` and waits for start_ack or error; answers that message. */
  async start(
    id: string,
    query: string,
    variables: Record<string, unknown> = {},
    authorization: Record<string, string> = { 'x-api-key': API_KEY },
  ): Promise<Message> {
    this.send({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } });
    return this.next(['start_ack', 'error'], id);
  }

  /** The `data` messages received so far for a subscription, taken or not. */
  dataFor(id: string): Message[] {
    return this.log.filter((message) => message.type === 'data' && message.id === id);
  }

  close(): Promise<number> {
    this.socket.close();
    return this.closed;
  }
}
