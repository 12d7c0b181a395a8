import type { AuthenticatedCaller } from '../types.ts';

// The local server as small steps over plain data, in the spirit of hono's
// middleware: each HTTP concern (CORS, body limit, authentication) is one
// Middleware, tested alone; node:http appears only in node-adapter.ts.

/** A request as the server's steps see it. */
export interface LocalRequest {
  method: string;
  /** without the query string */
  path: string;
  /** the query string's parameters (none when absent) */
  searchParams?: URLSearchParams;
  /** lower-case names; a repeated header's values joined with ", " */
  headers: Record<string, string | undefined>;
  sourceIp: string;
  /** the whole body; with a limit, rejects with BodyTooLargeError once the body passes it */
  body(limitBytes?: number): Promise<Buffer>;
  /** who sent the request, once authentication accepted it */
  caller?: AuthenticatedCaller;
}

export interface LocalResponse {
  status: number;
  /** lower-case names */
  headers: Record<string, string>;
  body: string | Buffer;
}

export type Handler = (request: LocalRequest) => Promise<LocalResponse>;
export type Middleware = (request: LocalRequest, next: Handler) => Promise<LocalResponse>;

export class BodyTooLargeError extends Error {}

/** The client closed the connection (or timed out) before its body arrived: there is no one to answer. */
export class ClientGoneError extends Error {}

/** `handler` behind the middleware, the first one outermost. */
export function withMiddleware(handler: Handler, ...middleware: Middleware[]): Handler {
  return middleware.reduceRight<Handler>((next, step) => (request) => step(request, next), handler);
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): LocalResponse {
  // AppSync's content type, charset included
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** Dispatches on `METHOD /path`; anything else is 404. */
export function router(routes: Record<string, Handler>): Handler {
  return (request) => {
    const route = routes[`${request.method} ${request.path}`];
    return route ? route(request) : Promise.resolve(jsonResponse(404, { errors: [{ message: 'Not found' }] }));
  };
}
