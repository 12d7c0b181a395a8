import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RequestAuthenticator } from '../types.ts';
import {
  credentialRequest,
  GRAPHQL_PATH,
  handshakeHeaders,
  offeredSubprotocols,
  REALTIME_PATH,
  REALTIME_SUBPROTOCOL,
} from './handshake-authorization.ts';
import { RealtimeConnection, type RealtimeSettings } from './realtime-connection.ts';
import type { SubscriptionOperationContext } from './start-subscription.ts';
import type { SubscriptionRegistry } from './subscription-registry.ts';
import { UNAUTHORIZED_MESSAGES } from '../auth/unauthorized-messages.ts';

// AppSync's real-time endpoint on the local server: WebSocket upgrades of
// GET /graphql/realtime (the path Amplify JS derives for an endpoint that is
// not on AppSync's own domain: the GraphQL URL + "/realtime"), with the
// `graphql-ws` subprotocol. The framing is the `ws` library's.
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html


/**
 * AppSync's timings and limits, where it documents them: connectionTimeoutMs
 * as in the page's connection_ack example; 100 subscriptions a connection
 * (the "Subscriptions per connection" quota); 240 KB, the subscription payload
 * quota, for a client's message. AppSync does not document its `ka` interval
 * nor how long a connection may wait before connection_init: a minute and the
 * connection timeout here.
 */
export const DEFAULT_REALTIME_SETTINGS: Readonly<RealtimeSettings> = Object.freeze({
  connectionTimeoutMs: 300_000,
  keepAliveIntervalMs: 60_000,
  connectionInitTimeoutMs: 300_000,
  maxMessageBytes: 240 * 1024,
  maxSubscriptionsPerConnection: 100,
});

/** Frames past this are cut off by `ws` itself (close 1009): a guard for memory, far above maxMessageBytes. */
const HARD_FRAME_LIMIT_BYTES = 4 * 1024 * 1024;

export interface RealtimeEndpointOptions {
  authenticate: RequestAuthenticator;
  operation: SubscriptionOperationContext;
  registry: SubscriptionRegistry;
  settings: RealtimeSettings;
}

export interface RealtimeEndpoint {
  /** for node:http's `upgrade` event */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** open WebSocket connections */
  readonly connectionCount: number;
  /** closes every connection (close code 1001) */
  closeAll(): void;
}

function refuseUpgrade(socket: Duplex, status: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message }] });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function createRealtimeEndpoint(options: RealtimeEndpointOptions): RealtimeEndpoint {
  const connections = new Set<RealtimeConnection>();
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(HARD_FRAME_LIMIT_BYTES, options.settings.maxMessageBytes),
    // the client's other entry (`header-…`) carries credentials, not a protocol
    handleProtocols: (protocols) => (protocols.has(REALTIME_SUBPROTOCOL) ? REALTIME_SUBPROTOCOL : false),
  });
  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', () => socket.destroy());
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== REALTIME_PATH) {
        refuseUpgrade(socket, '404 Not Found', 'Not found');
        return;
      }
      const subprotocols = offeredSubprotocols(request.headers['sec-websocket-protocol']);
      if (!subprotocols.includes(REALTIME_SUBPROTOCOL)) {
        refuseUpgrade(socket, '400 Bad Request', `The WebSocket subprotocol must be ${REALTIME_SUBPROTOCOL}.`);
        return;
      }
      const headers = handshakeHeaders(url.searchParams, subprotocols);
      const sourceIp = request.socket.remoteAddress ?? '';
      const handshake = headers
        ? options.authenticate(credentialRequest(headers, sourceIp, `${GRAPHQL_PATH}/connect`, '{}'))
        : Promise.resolve({ ok: false as const, message: UNAUTHORIZED_MESSAGES.noValidHeader });
      server.handleUpgrade(request, socket, head, (webSocket) => {
        const connection = new RealtimeConnection(webSocket, handshake, sourceIp, options);
        connections.add(connection);
        webSocket.on('close', () => connections.delete(connection));
      });
    },
    get connectionCount() {
      return connections.size;
    },
    closeAll() {
      for (const connection of connections) {
        connection.close();
      }
    },
  };
}
