import type { Server } from 'node:http';

// How long the server waits on a client, so that connections cannot be held
// open for nothing (a socket that never sends a byte, headers dripped one at
// a time, a body that never ends). node:http enforces all three: headers and
// request deadlines per request (checked every checkIntervalMs), and an idle
// deadline per socket, keep-alive or not.

export interface ConnectionTimeouts {
  /** from connecting (or the previous response) to the end of the headers */
  headersMs: number;
  /** from connecting to the end of the body */
  requestMs: number;
  /** a socket that sends and receives nothing for this long is closed */
  idleMs: number;
  /** an idle keep-alive connection is closed after this long */
  keepAliveMs: number;
  /** how often the headers and request deadlines are checked */
  checkIntervalMs: number;
}

export const DEFAULT_CONNECTION_TIMEOUTS: ConnectionTimeouts = {
  headersMs: 10_000,
  // AppSync's own bound on a request is 30 s (request execution time,
  // https://docs.aws.amazon.com/general/latest/gr/appsync.html); receiving
  // one may not take as long as that
  requestMs: 30_000,
  idleMs: 60_000,
  keepAliveMs: 5_000,
  checkIntervalMs: 1_000,
};

/** The options node:http takes at creation for these timeouts. */
export function serverTimeoutOptions(timeouts: ConnectionTimeouts) {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  };
}

/** Closes sockets idle for longer than the idle timeout (node:http has no such default). */
export function closeIdleSockets(server: Server, timeouts: ConnectionTimeouts): void {
  server.setTimeout(timeouts.idleMs, (socket) => socket.destroy());
}
