import type { Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

// Amplify JS v6 derives the real-time URL from the GraphQL endpoint and always
// asks for wss://: for an endpoint outside AppSync's domains it appends
// "/realtime" and turns http:// as well as https:// into wss://
// (@aws-amplify/api-graphql, Providers/AWSWebSocketProvider/appsyncUrl).
// A frontend configured with http://127.0.0.1:4000/graphql therefore opens
// wss://127.0.0.1:4000/graphql/realtime. With a certificate, the port speaks
// both: a connection that opens with a TLS handshake record is decrypted and
// then served like any other; everything else is plain HTTP as before.

/** The first byte of a TLS ClientHello: a handshake record (RFC 8446, 5.1). */
const TLS_HANDSHAKE_RECORD = 0x16;

export interface TlsCertificate {
  /** PEM */
  key: string;
  /** PEM */
  cert: string;
}

/** A listener for `http`'s connections, plain or TLS, told apart by their first byte. */
export function plainOrTlsListener(http: HttpServer, certificate: TlsCertificate): Server {
  const tls = createTlsServer(certificate, (secure) => http.emit('connection', secure));
  // a client that gives up on the handshake (or distrusts the certificate) only loses its own connection
  tls.on('tlsClientError', (_error, socket) => socket.destroy());
  const dispatch = (socket: Socket) => {
    const first: Buffer | null = socket.read(1);
    if (first === null) {
      socket.once('readable', () => dispatch(socket));
      return;
    }
    socket.unshift(first);
    (first[0] === TLS_HANDSHAKE_RECORD ? tls : http).emit('connection', socket);
  };
  return createNetServer({ pauseOnConnect: false }, (socket) => {
    socket.on('error', () => socket.destroy());
    dispatch(socket);
  });
}
