import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { AUTH_TYPE, type AuthOptions } from 'aws-appsync-auth-link';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import { WebSocket } from 'ws';

// Real subscription clients, configured as a frontend configures them for the
// local server: only the endpoint and the credentials differ from the cloud.

export type SubscriberAuth =
  | { apiKey: string }
  | { token: string }
  /** no credentials at all */
  | { none: true };

function linkAuth(auth: SubscriberAuth): AuthOptions {
  if ('apiKey' in auth) {
    return { type: AUTH_TYPE.API_KEY, apiKey: auth.apiKey };
  }
  if ('token' in auth) {
    return { type: AUTH_TYPE.AMAZON_COGNITO_USER_POOLS, jwtToken: auth.token };
  }
  return { type: AUTH_TYPE.NONE };
}

/** What one subscription delivered, as its observer saw it. */
export interface Recording<T> {
  messages: T[];
  errors: unknown[];
  completed: boolean;
  /** resolves when `count` messages have come, or the subscription ended */
  received(count: number, timeoutMs?: number): Promise<T[]>;
  /** resolves when the subscription completed or failed */
  ended(timeoutMs?: number): Promise<void>;
  unsubscribe(): void;
}

/** The GraphQL errors behind what the link reports (Apollo wraps them in an error's `cause`). */
function errorsOf(error: unknown): unknown[] {
  const wrapped = error as { cause?: { errors?: unknown[] }; errors?: unknown[] };
  return wrapped.cause?.errors ?? wrapped.errors ?? [error];
}

export function until(condition: () => boolean, describe: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (condition()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`timed out after ${timeoutMs} ms: ${describe()}`));
      }
    }, 10);
  });
}

/**
 * Apollo Client with aws-appsync-subscription-link, as AWS's README sets it
 * up: `createSubscriptionHandshakeLink({ url, region, auth })`.
 */
export function apolloSubscribe<T = Record<string, any>>(
  graphqlUrl: string,
  auth: SubscriberAuth,
  query: string,
  variables: Record<string, unknown>,
): Recording<T> & { client: ApolloClient } {
  const client = new ApolloClient({
    link: createSubscriptionHandshakeLink({ url: graphqlUrl, region: 'us-east-1', auth: linkAuth(auth) }),
    cache: new InMemoryCache(),
  });
  const recording = {
    messages: [] as T[],
    errors: [] as unknown[],
    completed: false,
  };
  const subscription = client.subscribe({ query: gql(query), variables, fetchPolicy: 'no-cache' }).subscribe({
    next(result) {
      if (result.error) {
        recording.errors.push(...errorsOf(result.error));
        return;
      }
      recording.messages.push(result.data as T);
    },
    error(error) {
      recording.errors.push(...errorsOf(error));
    },
    complete() {
      recording.completed = true;
    },
  });
  return { client, ...recordingOf(recording, () => {
    subscription.unsubscribe();
    client.stop();
  }) };
}

/** The accessors of a Recording over what an observer collected. */
function recordingOf<T>(recording: { messages: T[]; errors: unknown[]; completed: boolean }, unsubscribe: () => void): Recording<T> {
  const done = () => recording.completed || recording.errors.length > 0;
  return {
    get messages() {
      return recording.messages;
    },
    get errors() {
      return recording.errors;
    },
    get completed() {
      return recording.completed;
    },
    async received(count, timeoutMs = 5000) {
      await until(() => recording.messages.length >= count || done(), () => `${recording.messages.length} of ${count} messages`, timeoutMs);
      return recording.messages;
    },
    ended: (timeoutMs = 5000) => until(done, () => 'the subscription is still open', timeoutMs),
    unsubscribe,
  };
}

/** One message of the real-time protocol, server to client. */
export interface RealtimeMessage {
  type: string;
  id?: string;
  payload?: any;
}

/**
 * A client that speaks AppSync's real-time protocol with nothing in between,
 * as AWS's "Building a real-time WebSocket client" page shows it: for what
 * the client libraries never send (no credentials, malformed frames).
 * https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
 */
export async function rawRealtimeConnection(graphqlUrl: string, header: Record<string, string> | null, ca?: string) {
  const url = new URL(`${graphqlUrl.replace(/^http/, 'ws')}/realtime`);
  if (header) {
    url.searchParams.set('header', Buffer.from(JSON.stringify(header)).toString('base64'));
    url.searchParams.set('payload', Buffer.from('{}').toString('base64'));
  }
  const socket = new WebSocket(url, ['graphql-ws'], { ca });
  const messages: RealtimeMessage[] = [];
  let closed = false;
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  socket.on('close', () => {
    closed = true;
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    messages,
    get closed() {
      return closed;
    },
    send(message: object | string | Buffer) {
      socket.send(typeof message === 'object' && !Buffer.isBuffer(message) ? JSON.stringify(message) : message);
    },
    /** the next message of this type, after those already read by `next` */
    async next(type: string, timeoutMs = 5000): Promise<RealtimeMessage> {
      await until(() => messages.some((message) => message.type === type), () => `no ${type} in ${JSON.stringify(messages)}`, timeoutMs);
      const index = messages.findIndex((message) => message.type === type);
      return messages.splice(index, 1)[0];
    },
    waitClosed: (timeoutMs = 5000) => until(() => closed, () => 'the connection is still open', timeoutMs),
    close: () => socket.close(),
  };
}

/**
 * Amplify JS v6, configured as a frontend configures it for the local server:
 * the GraphQL endpoint and the API key or a token. It subscribes on
 * wss://<host>/graphql/realtime whatever the endpoint's scheme, so the global
 * WebSocket (`ws` here, a browser's in a page) has to trust the local
 * server's certificate, as a browser does once it is told to.
 */
export function amplifySubscribe<T = Record<string, any>>(
  graphqlUrl: string,
  auth: SubscriberAuth,
  query: string,
  variables: Record<string, unknown>,
): Recording<T> {
  Amplify.configure({
    API: {
      GraphQL: {
        endpoint: graphqlUrl,
        region: 'us-east-1',
        ...('apiKey' in auth ? { defaultAuthMode: 'apiKey' as const, apiKey: auth.apiKey } : { defaultAuthMode: 'userPool' as const }),
      },
    },
  });
  const client = generateClient();
  const recording = { messages: [] as T[], errors: [] as unknown[], completed: false };
  const observable = client.graphql({
    query,
    variables,
    ...('token' in auth ? { authMode: 'userPool' as const, authToken: auth.token } : {}),
  }) as unknown as { subscribe(observer: object): { unsubscribe(): void } };
  const subscription = observable.subscribe({
    next: ({ data }: { data: T }) => recording.messages.push(data),
    error: (error: unknown) => recording.errors.push(...errorsOf(error)),
    complete: () => {
      recording.completed = true;
    },
  });
  return recordingOf(recording, () => subscription.unsubscribe());
}

/**
 * Browsers and Node 22 have a global WebSocket, which both clients use; Node
 * 20 has none, so the tests give it `ws`'s, trusting the local server's
 * certificate as a browser does once told to (or Node with NODE_EXTRA_CA_CERTS).
 */
export function provideGlobalWebSocketTrusting(certificatePem: string): void {
  class TrustingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { ca: certificatePem });
    }
  }
  (globalThis as { WebSocket?: unknown }).WebSocket = TrustingWebSocket;
}
