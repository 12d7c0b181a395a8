import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPSYNC_DEFAULT_SETTINGS } from '../start-appsync-api.ts';
import type { AuthenticatedCaller } from '../types.ts';
import type { ConnectionTimeouts } from './connection-timeouts.ts';
import { startLocalServer, type LocalServer } from './start-local-server.ts';

// Clients that hold connections open, and a body far over the limit sent by a
// client that reads nothing until it has sent everything, over raw sockets.

function startServer(timeouts?: Partial<ConnectionTimeouts>): Promise<LocalServer> {
  const caller: AuthenticatedCaller = { authMode: 'API_KEY', identity: {} };
  return startLocalServer({
    port: 0,
    schemaSDL: 'type Query { ping: String }',
    getResolvers: () => [],
    dataSources: new Map(),
    authenticate: async () => ({ ok: true, caller }),
    authorizeField: () => true,
    allowedOrigins: [],
    settings: APPSYNC_DEFAULT_SETTINGS,
    timeouts,
  });
}

interface Connection {
  socket: Socket;
  /** what the server sent until it closed the connection */
  closed: Promise<{ received: string; error?: string; afterMs: number }>;
}

function open(server: LocalServer): Connection {
  const startedAt = Date.now();
  const socket = connect(server.port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  const closed = new Promise<{ received: string; error?: string; afterMs: number }>((resolve) => {
    let error: string | undefined;
    socket.on('error', (failure: NodeJS.ErrnoException) => (error = failure.code));
    socket.on('close', () => resolve({ received, error, afterMs: Date.now() - startedAt }));
  });
  return { socket, closed };
}

describe('connection timeouts', () => {
  // deadlines of a fraction of a second, so that the tests wait little
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer({ headersMs: 150, requestMs: 250, idleMs: 400, checkIntervalMs: 25 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('closes connections that never send a byte', async () => {
    const silent = Array.from({ length: 10 }, () => open(server));
    for (const { closed } of silent) {
      expect((await closed).afterMs).toBeLessThan(3_000);
    }
  });

  it('closes a connection whose headers never end', async () => {
    const dripping = open(server);
    dripping.socket.write('POST /graphql HTTP/1.1\r\nhost: x\r\n');
    const { received, afterMs } = await dripping.closed;
    expect(afterMs).toBeLessThan(3_000);
    expect(received).toMatch(/^HTTP\/1.1 408/);
  });

  it('closes a connection whose body never ends', async () => {
    const stalled = open(server);
    stalled.socket.write('POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{');
    expect((await stalled.closed).afterMs).toBeLessThan(3_000);
  });
});

describe('a body over the limit', () => {
  // the default deadlines: sending 5 MB on a busy machine may take longer than the short ones above
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Sends headers and the whole body, reading the answer only once everything is sent. */
  async function sendAllThenRead(bodyBytes: number) {
    const connection = open(server);
    connection.socket.write(
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${bodyBytes}\r\n\r\n`,
    );
    connection.socket.pause();
    connection.socket.write(Buffer.alloc(bodyBytes, 'x'), () => {
      connection.socket.resume();
      connection.socket.end();
    });
    return connection.closed;
  }

  it('answers 5 MB with 413 every time, never a reset', async () => {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const { received, error } = await sendAllThenRead(5 * 1024 * 1024);
      expect(error).toBeUndefined();
      expect(received).toMatch(/^HTTP\/1.1 413/);
    }
  });
});
