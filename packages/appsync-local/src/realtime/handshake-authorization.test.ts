import { describe, expect, it } from 'vitest';
import { handshakeHeaders, offeredSubprotocols } from './handshake-authorization.ts';

// Where a connection's credentials come from:
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html

const authorization = { host: 'example.com', 'x-api-key': 'da2-key', 'X-Amz-Date': '20260101T000000Z', note: 'ünïcode>>>?' };
const expected = { host: 'example.com', 'x-api-key': 'da2-key', 'x-amz-date': '20260101T000000Z', note: 'ünïcode>>>?' };

describe('real-time-websocket-client: handshake authorization', () => {
  it('reads the header query parameter as base64 JSON, also when its + arrives as a space (sent unescaped)', () => {
    const encoded = Buffer.from(JSON.stringify(authorization)).toString('base64');
    expect(encoded).toContain('+');
    expect(handshakeHeaders(new URLSearchParams({ header: encoded, payload: 'e30=' }), ['graphql-ws'])).toEqual(expected);
    expect(handshakeHeaders(new URLSearchParams(`header=${encoded}&payload=e30=`), ['graphql-ws'])).toEqual(expected);
  });

  it('reads a header-<base64url> subprotocol, unpadded, before the query parameter', () => {
    const encoded = Buffer.from(JSON.stringify(authorization)).toString('base64url');
    const other = Buffer.from(JSON.stringify({ 'x-api-key': 'other' })).toString('base64');
    const protocols = offeredSubprotocols(`graphql-ws, header-${encoded}`);
    expect(protocols).toEqual(['graphql-ws', `header-${encoded}`]);
    expect(handshakeHeaders(new URLSearchParams({ header: other }), protocols)).toEqual(expected);
  });

  it('keeps only string values, and finds nothing in what is not a base64 JSON object', () => {
    const mixed = Buffer.from(JSON.stringify({ 'x-api-key': 'k', count: 3, nested: {} })).toString('base64');
    expect(handshakeHeaders(new URLSearchParams({ header: mixed }), [])).toEqual({ 'x-api-key': 'k' });
    expect(handshakeHeaders(new URLSearchParams({ header: Buffer.from('[1]').toString('base64') }), [])).toBeUndefined();
    expect(handshakeHeaders(new URLSearchParams({ header: '%%%' }), [])).toBeUndefined();
    expect(handshakeHeaders(new URLSearchParams(), ['graphql-ws'])).toBeUndefined();
  });
});
