import { describe, expect, it } from 'vitest';
import { createPaginationTokens, InvalidPaginationTokenError } from './pagination-token.ts';

// "AWS AppSync encrypts and obfuscates the pagination token returned from
// DynamoDB … these pagination tokens cannot be used across different
// functions or resolvers."
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html

const lastEvaluatedKey = { id: { S: 'secret-post-id' }, ownerId: { S: 'owner-7' }, rank: { N: '3' } };

describe('pagination tokens', () => {
  const tokens = createPaginationTokens();

  it('round-trip the LastEvaluatedKey, binaries included', () => {
    const key = { ...lastEvaluatedKey, blob: { B: new Uint8Array([1, 2, 250]) } };
    expect(tokens.open(tokens.seal(key, 'scope'), 'scope')).toEqual(key);
  });

  it('reveal nothing of the key: neither readable JSON nor base64 of it', () => {
    const token = tokens.seal(lastEvaluatedKey, 'scope');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    expect(decoded).not.toContain('secret-post-id');
    expect(() => JSON.parse(decoded)).toThrow();
  });

  it('differ each time, so equal keys cannot be recognised', () => {
    expect(tokens.seal(lastEvaluatedKey, 'scope')).not.toBe(tokens.seal(lastEvaluatedKey, 'scope'));
  });

  it('reject a token with any byte changed', () => {
    const bytes = Buffer.from(tokens.seal(lastEvaluatedKey, 'scope'), 'base64url');
    for (const position of [0, 13, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[position] ^= 1;
      expect(() => tokens.open(altered.toString('base64url'), 'scope')).toThrow(InvalidPaginationTokenError);
    }
  });

  it('reject a token issued for another scope (another query, index or data source)', () => {
    const token = tokens.seal(lastEvaluatedKey, 'Query on owner-index');
    expect(() => tokens.open(token, 'Scan')).toThrow(InvalidPaginationTokenError);
  });

  it('reject tokens issued with another secret, and garbage', () => {
    const foreign = createPaginationTokens('another secret').seal(lastEvaluatedKey, 'scope');
    expect(() => tokens.open(foreign, 'scope')).toThrow(InvalidPaginationTokenError);
    for (const garbage of ['', 'not a token', '{"id":{"S":"x"}}', 'AAAA', 42, null]) {
      expect(() => tokens.open(garbage, 'scope')).toThrow(InvalidPaginationTokenError);
    }
  });

  it('stay valid across restarts when a secret is configured', () => {
    const token = createPaginationTokens('configured').seal(lastEvaluatedKey, 'scope');
    expect(createPaginationTokens('configured').open(token, 'scope')).toEqual(lastEvaluatedKey);
  });
});
