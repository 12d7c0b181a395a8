import { httpErrorBody } from '../graphql/appsync-response.ts';
import type { RequestAuthenticator } from '../types.ts';
import { jsonResponse, type Middleware } from './http-pipeline.ts';

// Missing or refused credentials end the request with HTTP 401 before any
// GraphQL runs, in AppSync's words:
//   { "errors": [{ "errorType": "UnauthorizedException", "message": "You are not authorized to make this call." }] }
// (the message comes from the authenticator that refused).

export function requireCaller(authenticate: RequestAuthenticator): Middleware {
  return async (request, next) => {
    const result = await authenticate({
      headers: request.headers,
      sourceIp: request.sourceIp,
      method: request.method,
      path: request.path,
      searchParams: request.searchParams,
      body: () => request.body(),
    });
    if (!result.ok) {
      const errorType = result.errorType ?? 'UnauthorizedException';
      return jsonResponse(result.status ?? 401, httpErrorBody(errorType, result.message), {
        'x-amzn-errortype': errorType,
      });
    }
    return next({ ...request, caller: result.caller });
  };
}
