import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { executionTimeoutFailure, requestShapeFailure, RequestShapeError } from '../dynamodb/data-source-errors.ts';
import { asRequestObject, isAbsent, requiredString, type RequestObject } from '../dynamodb/request-fields.ts';
import type { DataSource, DataSourceCallOptions, DataSourceOutcome } from '../types.ts';
import { signRequest, type SigningConfig } from './sigv4-signer.ts';

// An AppSync HTTP data source, as "AWS AppSync JavaScript resolver function
// reference for HTTP" describes it:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html
// The request `{ method, resourcePath, params: { query, headers, body } }`
// goes to the data source's endpoint followed by the resource path; the
// response, whatever its status, is `ctx.result = { statusCode, headers,
// body }` (body as text). Only a request that gets no response at all is a
// `ctx.error`. AppSync reaches endpoints on ports 80 and 443 only
// (aws-appsync-community#79); locally any port is allowed, so that an
// endpoint can be replaced by a stand-in on 127.0.0.1.

export interface HttpDataSourceOptions {
  /** the name resolvers are wired to */
  name: string;
  /** `HttpConfig.Endpoint`, e.g. `https://api.example.com` */
  endpoint: string;
  /** sign requests with SigV4, as `AuthorizationConfig: AWS_IAM` asks */
  signing?: SigningConfig;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Headers AppSync does not let a request set. */
const RESERVED_HEADERS = ['host', 'connection', 'user-agent', 'expect', 'transfer-encoding', 'content-length'];

interface HttpCall {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

function stringRecord(value: unknown, path: string): Record<string, unknown> {
  if (isAbsent(value)) {
    return {};
  }
  return asRequestObject(value, path);
}

function httpCall(endpoint: string, request: RequestObject): HttpCall {
  const method = requiredString(request, 'method');
  if (!METHODS.includes(method)) {
    throw new RequestShapeError(`method must be one of ${METHODS.join(', ')}`);
  }
  const resourcePath = requiredString(request, 'resourcePath');
  const params = stringRecord(request.params, 'params');
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/$/, '')}${resourcePath.startsWith('/') ? '' : '/'}${resourcePath}`;
  for (const [key, value] of Object.entries(stringRecord(params.query, 'params.query'))) {
    for (const item of Array.isArray(value) ? value : [value]) {
      url.searchParams.append(key, String(item));
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(stringRecord(params.headers, 'params.headers'))) {
    if (RESERVED_HEADERS.includes(name.toLowerCase())) {
      throw new RequestShapeError(`params.headers may not set ${name}`);
    }
    headers[name.toLowerCase()] = String(value);
  }
  const body = isAbsent(params.body) ? undefined : typeof params.body === 'string' ? params.body : JSON.stringify(params.body);
  return { method, url, headers, body };
}

function readResponse(response: IncomingMessage): Promise<DataSourceOutcome> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () =>
      resolve({
        result: {
          statusCode: response.statusCode,
          headers: Object.fromEntries(
            Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
          ),
          body: Buffer.concat(chunks).toString('utf8'),
        },
      }),
    );
  });
}

function send(call: HttpCall, signal: AbortSignal | undefined): Promise<DataSourceOutcome> {
  const request = call.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = call.body === undefined ? call.headers : { ...call.headers, 'content-length': String(Buffer.byteLength(call.body)) };
  return new Promise((resolve, reject) => {
    const outgoing = request(call.url, { method: call.method, headers, signal }, (response) => {
      readResponse(response).then(resolve, reject);
    });
    outgoing.on('error', reject);
    outgoing.end(call.body);
  });
}

/** No response at all: AppSync logs such a failure as an HttpRequestException (aws-appsync-community#79). */
function unreachable(url: URL, error: unknown) {
  const cause = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return { type: 'Http:HttpRequestException', message: `The endpoint ${url.origin} could not be reached: ${cause}` };
}

export function createHttpDataSource(options: HttpDataSourceOptions): DataSource {
  if (!URL.canParse(options.endpoint)) {
    throw new Error(`HTTP data source ${options.name}: endpoint ${options.endpoint} is not a URL`);
  }
  return {
    name: options.name,
    async invoke(request: unknown, { signal }: DataSourceCallOptions = {}): Promise<DataSourceOutcome> {
      let call: HttpCall;
      try {
        call = httpCall(options.endpoint, asRequestObject(request, 'the request'));
      } catch (error) {
        return { result: null, error: requestShapeFailure(error as RequestShapeError) };
      }
      if (options.signing) {
        call = { ...call, headers: await signRequest(call, options.signing) };
      }
      try {
        return await send(call, signal);
      } catch (error) {
        return { result: null, error: signal?.aborted ? executionTimeoutFailure('Http') : unreachable(call.url, error) };
      }
    },
  };
}
