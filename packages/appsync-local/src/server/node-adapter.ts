import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, ClientGoneError, type LocalRequest, type LocalResponse } from './http-pipeline.ts';

// node:http in and out of the server's plain request and response.

function readBody(incoming: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        // stop collecting; node:http discards the rest once the response is sent
        incoming.off('data', onData);
        incoming.resume();
        reject(new BodyTooLargeError(`request body over ${limitBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks)));
    incoming.once('error', (error) => reject(new ClientGoneError(error.message)));
  });
}

/**
 * One string per header name, as `ctx.request.headers` types them. A header
 * sent more than once is its values joined with ", " in the order sent (RFC
 * 9110 §5.3), for every name: node:http itself would keep only the first
 * `user-agent`, `authorization`, … The resolver context reference does not
 * say how AppSync folds repeated headers; this is our reading.
 */
function headersOf(incoming: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, values] of Object.entries(incoming.headersDistinct)) {
    headers[name] = values?.join(', ');
  }
  return headers;
}

export function toLocalRequest(incoming: IncomingMessage): LocalRequest {
  let body: Promise<Buffer> | undefined;
  const url = new URL(incoming.url ?? '/', 'http://localhost');
  return {
    method: incoming.method ?? 'GET',
    path: url.pathname,
    searchParams: url.searchParams,
    headers: headersOf(incoming),
    sourceIp: incoming.socket.remoteAddress ?? '',
    body: (limitBytes = Number.POSITIVE_INFINITY) => (body ??= readBody(incoming, limitBytes)),
  };
}

export function sendResponse(outgoing: ServerResponse, response: LocalResponse): void {
  outgoing.writeHead(response.status, response.headers);
  outgoing.end(response.body);
}
