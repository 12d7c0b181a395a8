import type { Middleware } from './http-pipeline.ts';

// Cross-origin access for browsers.
// - Only listed origins get CORS headers ('*' in the list allows every origin);
//   a request from another origin gets none, so the browser refuses it.
// - A preflight (OPTIONS with Access-Control-Request-Method) is answered here,
//   allowing the headers AppSync clients send: content-type, x-api-key,
//   authorization and the SigV4 `x-amz-*` family.
// - Responses expose the headers AppSync exposes (its request id and error type).

export interface CorsOptions {
  /** origins allowed to call the API, e.g. `http://localhost:5173`; `'*'` allows any */
  allowedOrigins: readonly string[];
}

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const EXPOSED_HEADERS =
  'x-amzn-RequestId, x-amzn-ErrorType, x-amz-user-agent, x-amzn-ErrorMessage, Date, x-amz-schema-version';
const PREFLIGHT_MAX_AGE_SECONDS = '86400';

function isAllowedRequestHeader(name: string): boolean {
  // cache-control: Amplify's Cognito client sends `no-store` when signing in (see initiate-auth.ts)
  return ['content-type', 'x-api-key', 'authorization', 'cache-control'].includes(name) || name.startsWith('x-amz-');
}

/** The requested headers that may be sent, as the browser asked for them. */
function allowedRequestHeaders(requested: string | undefined): string {
  return (requested ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0 && isAllowedRequestHeader(name))
    .join(', ');
}

export function cors(options: CorsOptions): Middleware {
  const anyOrigin = options.allowedOrigins.includes('*');
  const allowOriginFor = (origin: string | undefined): string | undefined => {
    if (anyOrigin) {
      return '*';
    }
    return origin !== undefined && options.allowedOrigins.includes(origin) ? origin : undefined;
  };
  // with a list of origins the answer depends on the Origin header
  const vary: Record<string, string> = anyOrigin ? {} : { vary: 'Origin' };

  return async (request, next) => {
    const allowOrigin = allowOriginFor(request.headers.origin);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      const headers: Record<string, string> = allowOrigin
        ? {
            'access-control-allow-origin': allowOrigin,
            'access-control-allow-methods': ALLOWED_METHODS,
            'access-control-allow-headers': allowedRequestHeaders(request.headers['access-control-request-headers']),
            'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
          }
        : {};
      return { status: 204, headers: { ...headers, ...vary }, body: '' };
    }
    const response = await next(request);
    if (!allowOrigin) {
      return { ...response, headers: { ...response.headers, ...vary } };
    }
    return {
      ...response,
      headers: {
        ...response.headers,
        ...vary,
        'access-control-allow-origin': allowOrigin,
        'access-control-expose-headers': EXPOSED_HEADERS,
      },
    };
  };
}
