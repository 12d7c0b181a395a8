import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './pick-api.ts';
import { configuredDynamoDBEndpoint, parseServeArguments, readTlsFiles } from './serve-options.ts';

describe('the options of appsync-local serve', () => {
  it('defaults to ./cdk.out on port 4000, without TLS', () => {
    expect(parseServeArguments([])).toEqual({
      directory: resolve('cdk.out'),
      port: 4000,
      api: undefined,
      stack: undefined,
      seeds: [],
      httpEndpoints: [],
      watch: false,
    });
  });

  it('reads every option', () => {
    const args = ['out', '--port', '0', '--api', 'posts', '--stack', 'Beta', '--seed', 'Posts=posts.json', '--http-endpoint', 'weather=http://127.0.0.1:9'];
    expect(parseServeArguments([...args, '--watch', '--tls-cert', 'cert.pem', '--tls-key', 'key.pem'])).toEqual({
      directory: resolve('out'),
      port: 0,
      api: 'posts',
      stack: 'Beta',
      seeds: [{ table: 'Posts', file: 'posts.json' }],
      httpEndpoints: ['weather=http://127.0.0.1:9'],
      watch: true,
      tls: { certFile: resolve('cert.pem'), keyFile: resolve('key.pem') },
    });
  });

  it('takes --tls-cert and --tls-key together only', () => {
    const together = new UsageError('--tls-cert and --tls-key go together: a certificate and its private key, PEM');
    expect(() => parseServeArguments(['--tls-cert', 'cert.pem'])).toThrow(together);
    expect(() => parseServeArguments(['--tls-key', 'key.pem'])).toThrow(together);
  });

  it('refuses an unknown option or a port that is no port number, as usage errors', () => {
    expect(() => parseServeArguments(['--tls'])).toThrow(UsageError);
    expect(() => parseServeArguments(['--port', 'http'])).toThrow(new UsageError('--port http: expected a port number'));
  });

  it('names the option whose file cannot be read', () => {
    expect(() => readTlsFiles({ certFile: '/nonexistent/cert.pem', keyFile: '/nonexistent/key.pem' })).toThrow(
      new UsageError('--tls-cert /nonexistent/cert.pem: cannot be read'),
    );
  });

  it('takes DYNAMODB_ENDPOINT as the DynamoDB to use, an empty one as unset (never the AWS default)', () => {
    expect(configuredDynamoDBEndpoint({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })).toBe('http://127.0.0.1:8000');
    expect(configuredDynamoDBEndpoint({ DYNAMODB_ENDPOINT: '' })).toBeUndefined();
    expect(configuredDynamoDBEndpoint({ DYNAMODB_ENDPOINT: '  ' })).toBeUndefined();
    expect(configuredDynamoDBEndpoint({})).toBeUndefined();
  });
});
