import { isRecord } from '../is-record.ts';

// How a client authorizes its WebSocket connection: a JSON object of headers
// (`host` and the mode's credential: `x-api-key`, `Authorization`, …), sent
// either base64-encoded in the `header` query parameter, with `payload=e30=`
// (base64 of `{}`) beside it, or base64url-encoded in a `header-<…>` entry of
// Sec-WebSocket-Protocol next to `graphql-ws`, which is what Amplify JS v6
// sends. Each `start` message carries the same kind of object in
// `payload.extensions.authorization`.
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html

export const REALTIME_SUBPROTOCOL = 'graphql-ws';

/** the GraphQL endpoint the real-time endpoint belongs to */
export const GRAPHQL_PATH = '/graphql';
/** where clients connect: the GraphQL endpoint + "/realtime", as Amplify JS derives it outside AppSync's domain */
export const REALTIME_PATH = `${GRAPHQL_PATH}/realtime`;
const HEADER_SUBPROTOCOL_PREFIX = 'header-';

/** The entries of a Sec-WebSocket-Protocol header. */
export function offeredSubprotocols(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/**
 * base64 and base64url alike, padded or not. A `+` sent unescaped in a query
 * string arrives as a space (form decoding): it is put back.
 */
function decodedJsonObject(encoded: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded.replaceAll(' ', '+'), 'base64').toString('utf8'));
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A credential object as request headers: lower-case names, string values,
 * the form the HTTP endpoint's authenticators read.
 */
export function credentialHeaders(authorization: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(authorization)) {
    if (typeof value === 'string') {
      headers[name.toLowerCase()] = value;
    }
  }
  return headers;
}

/**
 * The connection's credential headers: from a `header-…` subprotocol if one is
 * offered, else from the `header` query parameter; undefined when neither
 * holds a readable JSON object.
 */
export function handshakeHeaders(searchParams: URLSearchParams, subprotocols: readonly string[]): Record<string, string> | undefined {
  const fromProtocol = subprotocols.find((entry) => entry.startsWith(HEADER_SUBPROTOCOL_PREFIX));
  const encoded = fromProtocol?.slice(HEADER_SUBPROTOCOL_PREFIX.length) ?? searchParams.get('header');
  const authorization = encoded ? decodedJsonObject(encoded) : undefined;
  return authorization && credentialHeaders(authorization);
}

/**
 * The request a connection's or a start's credentials were made for, as the
 * page's IAM section describes what is signed: the handshake is
 * `POST <graphql endpoint>/connect` with the body `{}`, a start is
 * `POST <graphql endpoint>` with the start's `data` string as body. API keys
 * and tokens ignore all but the headers.
 */
export function credentialRequest(headers: Record<string, string>, sourceIp: string, path: string, body: string) {
  return { headers, sourceIp, method: 'POST', path, body: async () => Buffer.from(body) };
}
