import type { WebSocket } from 'ws';
import { isRecord } from '../is-record.ts';
import type { AuthenticationResult, RequestAuthenticator } from '../types.ts';
import { errorMessage, REALTIME_ERRORS, type RealtimeError, type ServerMessage } from './protocol-messages.ts';
import { startSubscription, type SubscriptionOperationContext } from './start-subscription.ts';
import type { ActiveSubscription, SubscriptionRegistry } from './subscription-registry.ts';

// One client's WebSocket on the real-time endpoint, through the steps of
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
// 1. The handshake carried the connection's credentials (see
//    handshake-authorization.ts); they are checked while the client sends
//    connection_init, which is answered with connection_ack (and a first
//    `ka`), or, for refused credentials, with connection_error before closing.
// 2. `ka` follows every keepAliveIntervalMs; a client that hears none for
//    connectionTimeoutMs (sent in the ack) considers the connection lost.
// 3. `start` registers a subscription (start_ack, or error with the id);
//    `stop` ends it (complete). Several subscriptions share one connection.
// A connection that sends neither connection_init nor start within
// connectionInitTimeoutMs is closed. A message that is not JSON, too large, or
// of an unknown type gets an `error` and the connection goes on.

export interface RealtimeSettings {
  /** sent in connection_ack: how long clients wait for a `ka` before they give up; AppSync's is 300000 */
  connectionTimeoutMs: number;
  /** how often `ka` is sent */
  keepAliveIntervalMs: number;
  /** how long a connection may stay without connection_init or start */
  connectionInitTimeoutMs: number;
  /** largest client message read; larger ones get an error */
  maxMessageBytes: number;
  /** subscriptions one connection may hold at once */
  maxSubscriptionsPerConnection: number;
}

export interface ConnectionContext {
  authenticate: RequestAuthenticator;
  operation: SubscriptionOperationContext;
  registry: SubscriptionRegistry;
  settings: RealtimeSettings;
}

/** How long a client may take to answer the server's close before its socket is cut. */
const CLOSE_GRACE_MS = 1000;

/** WebSocket close code for a connection that never initialised (as graphql-ws uses it). */
export const INIT_TIMEOUT_CLOSE_CODE = 4408;

export class RealtimeConnection {
  private readonly subscriptions = new Map<string, ActiveSubscription>();
  /** ids of starts still being checked; a stop before they finish cancels them */
  private readonly pending = new Map<string, { stopped: boolean }>();
  private initialised = false;
  private initTimer: NodeJS.Timeout | undefined;
  private keepAliveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly handshake: Promise<AuthenticationResult>,
    private readonly sourceIp: string,
    private readonly context: ConnectionContext,
  ) {
    this.initTimer = setTimeout(() => {
      this.socket.close(INIT_TIMEOUT_CLOSE_CODE, 'Connection initialisation timeout');
    }, context.settings.connectionInitTimeoutMs);
    socket.on('message', (data, isBinary) => this.receive(data as Buffer | Buffer[] | ArrayBuffer, isBinary));
    socket.on('close', () => this.closed());
    // a broken frame (or one over the hard cap) closes the socket; nothing to report beyond that
    socket.on('error', () => undefined);
  }

  private send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  private receive(data: Buffer | Buffer[] | ArrayBuffer, isBinary: boolean): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (bytes.length > this.context.settings.maxMessageBytes) {
      this.send(errorMessage(undefined, [REALTIME_ERRORS.tooLarge(this.context.settings.maxMessageBytes)]));
      return;
    }
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(bytes.toString('utf8'));
    } catch {
      message = undefined;
    }
    if (!isRecord(message)) {
      this.send(errorMessage(undefined, [REALTIME_ERRORS.malformedJson]));
      return;
    }
    switch (message.type) {
      case 'connection_init':
        void this.initialise();
        return;
      case 'start':
        void this.start(message.id, message.payload);
        return;
      case 'stop':
        this.stop(message.id);
        return;
      default:
        this.send(errorMessage(typeof message.id === 'string' ? message.id : undefined, [
          REALTIME_ERRORS.unsupported(typeof message.type === 'string' ? message.type : 'unknown'),
        ]));
    }
  }

  private markInitialised(): void {
    this.initialised = true;
    clearTimeout(this.initTimer);
  }

  /** The handshake's credentials refused: connection_error, then the connection closes. */
  private async handshakeRefused(): Promise<boolean> {
    const result = await this.handshake;
    if (result.ok) {
      return false;
    }
    this.send({ type: 'connection_error', payload: { errors: [REALTIME_ERRORS.unauthorized(result.message)] } });
    this.socket.close(1000, 'Unauthorized');
    return true;
  }

  private async initialise(): Promise<void> {
    this.markInitialised();
    if (await this.handshakeRefused()) {
      return;
    }
    this.send({ type: 'connection_ack', payload: { connectionTimeoutMs: this.context.settings.connectionTimeoutMs } });
    this.send({ type: 'ka' });
    clearInterval(this.keepAliveTimer);
    this.keepAliveTimer = setInterval(() => this.send({ type: 'ka' }), this.context.settings.keepAliveIntervalMs);
  }

  private refuse(id: string, errors: RealtimeError[]): void {
    this.send(errorMessage(id, errors));
  }

  private async start(id: unknown, payload: unknown): Promise<void> {
    if (typeof id !== 'string' || id.length === 0) {
      this.send(errorMessage(undefined, [REALTIME_ERRORS.missingId]));
      return;
    }
    if (!this.initialised) {
      // connection_init is optional: a start initialises the connection too
      this.markInitialised();
    }
    if (this.subscriptions.has(id) || this.pending.has(id)) {
      this.refuse(id, [REALTIME_ERRORS.duplicateId(id)]);
      return;
    }
    const limit = this.context.settings.maxSubscriptionsPerConnection;
    if (this.subscriptions.size + this.pending.size >= limit) {
      this.refuse(id, [REALTIME_ERRORS.tooManySubscriptions(limit)]);
      return;
    }
    const state = { stopped: false };
    this.pending.set(id, state);
    try {
      if (await this.handshakeRefused()) {
        return;
      }
      const outcome = await startSubscription(payload, this.context.authenticate, this.context.operation, this.sourceIp);
      if ('errors' in outcome) {
        this.refuse(id, outcome.errors);
        return;
      }
      if (state.stopped || this.socket.readyState !== this.socket.OPEN) {
        return;
      }
      const subscription: ActiveSubscription = {
        id,
        ...outcome.started,
        deliver: (data) => this.send({ type: 'data', id, payload: { data } }),
        invalidate: () => this.end(id),
      };
      this.subscriptions.set(id, subscription);
      this.context.registry.add(subscription);
      this.send({ type: 'start_ack', id });
    } catch (error) {
      console.error('local AppSync runtime: a subscription start failed', error);
      this.refuse(id, [{ errorType: 'InternalFailure', message: 'An internal failure occurred.' }]);
    } finally {
      this.pending.delete(id);
    }
  }

  /** Ends a subscription and tells the client so with `complete`. */
  private end(id: string): void {
    const subscription = this.subscriptions.get(id);
    if (subscription) {
      this.subscriptions.delete(id);
      this.context.registry.remove(subscription);
    }
    this.send({ type: 'complete', id });
  }

  private stop(id: unknown): void {
    if (typeof id !== 'string') {
      this.send(errorMessage(undefined, [REALTIME_ERRORS.missingId]));
      return;
    }
    const pending = this.pending.get(id);
    if (pending) {
      pending.stopped = true;
    }
    this.end(id);
  }

  /** Closes the connection from the server's side (the server is stopping); a client that does not answer is cut off. */
  close(): void {
    this.socket.close(1001, 'Server stopping');
    setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  private closed(): void {
    clearTimeout(this.initTimer);
    clearInterval(this.keepAliveTimer);
    for (const subscription of this.subscriptions.values()) {
      this.context.registry.remove(subscription);
    }
    this.subscriptions.clear();
  }
}
