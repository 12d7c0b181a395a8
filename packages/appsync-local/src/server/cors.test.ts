import { describe, expect, it } from 'vitest';
import { cors } from './cors.ts';
import { jsonResponse, type LocalRequest } from './http-pipeline.ts';

function request(method: string, headers: Record<string, string>): LocalRequest {
  return { method, path: '/graphql', headers, sourceIp: '127.0.0.1', body: async () => Buffer.alloc(0) };
}

const handler = async () => jsonResponse(200, { data: {} });

describe('cors with a list of origins', () => {
  const middleware = cors({ allowedOrigins: ['http://localhost:5173'] });

  it('allows a listed origin, exposing AppSync headers, and varies on Origin', async () => {
    const response = await middleware(request('POST', { origin: 'http://localhost:5173' }), handler);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      vary: 'Origin',
    });
    expect(response.headers['access-control-expose-headers']).toContain('x-amzn-RequestId');
    expect(response.headers['access-control-expose-headers']).toContain('x-amzn-ErrorType');
  });

  it('gives another origin no CORS headers at all', async () => {
    const response = await middleware(request('POST', { origin: 'https://evil.example' }), handler);
    expect(response.status).toBe(200);
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('answers a preflight itself, allowing only the headers AppSync clients send', async () => {
    let reached = false;
    const response = await middleware(
      request('OPTIONS', {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'Content-Type, X-Api-Key, authorization, x-amz-date, x-amz-user-agent, x-secret',
      }),
      async () => ((reached = true), handler()),
    );
    expect(reached).toBe(false);
    expect(response.status).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, x-api-key, authorization, x-amz-date, x-amz-user-agent',
    });
  });

  it('answers a preflight from another origin without allowing anything', async () => {
    const response = await middleware(
      request('OPTIONS', { origin: 'https://evil.example', 'access-control-request-method': 'POST' }),
      handler,
    );
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('leaves a request without Origin (not from a browser) alone', async () => {
    const response = await middleware(request('POST', {}), handler);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe("cors with '*'", () => {
  it('allows every origin with a wildcard and needs no Vary', async () => {
    const response = await cors({ allowedOrigins: ['*'] })(request('POST', { origin: 'https://any.example' }), handler);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.vary).toBeUndefined();
  });

  it('is never implied: an empty list allows no origin', async () => {
    const response = await cors({ allowedOrigins: [] })(request('POST', { origin: 'https://any.example' }), handler);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
