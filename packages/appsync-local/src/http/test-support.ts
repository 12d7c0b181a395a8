import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsCredentials } from './sigv4-signer.ts';

// For the HTTP data source's tests: a stand-in endpoint on 127.0.0.1 that
// records what it receives, and an independent check of a SigV4-signed request, written from AWS's
// description of the algorithm rather than with the signer under test:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
// Enough for the plain paths and query strings of the tests.

const sha256Hex = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface ReceivedRequest {
  method: string;
  /** path and query, as received */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Whether the request's Authorization header is the signature of what was received. */
export function verifySigV4(request: ReceivedRequest, credentials: AwsCredentials): boolean {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
    String(request.headers.authorization),
  );
  if (!match) {
    return false;
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  const url = new URL(request.url, 'http://placeholder');
  const query = [...url.searchParams.entries()]
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .sort()
    .join('&');
  const headerNames = signedHeaders.split(';');
  const canonicalHeaders = headerNames.map((name) => `${name}:${String(request.headers[name]).trim()}\n`).join('');
  const payloadHash = sha256Hex(request.body);
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== payloadHash) {
    return false;
  }
  const canonicalRequest = [request.method, url.pathname, query, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', String(request.headers['x-amz-date']), scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), service), 'aws4_request');
  return accessKeyId === credentials.accessKeyId && createHmac('sha256', key).update(stringToSign).digest('hex') === signature;
}

export interface StandInEndpoint {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 that keeps every request and answers with
 * `answer(request)`: by default 200 and the request, as JSON.
 */
export async function startStandInEndpoint(
  answer: (request: ReceivedRequest) => { status: number; body: string } = (request) => ({
    status: 200,
    body: JSON.stringify(request),
  }),
): Promise<StandInEndpoint> {
  const received: ReceivedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: String(incoming.method),
        url: String(incoming.url),
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const { status, body } = answer(request);
      response.writeHead(status, { 'content-type': 'application/json', 'x-stand-in': 'yes' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
