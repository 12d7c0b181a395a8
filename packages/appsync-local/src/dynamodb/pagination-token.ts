import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { AttributeMap } from './attribute-values.ts';

// "AWS AppSync encrypts and obfuscates the pagination token returned from
// DynamoDB. This prevents your table data from being inadvertently leaked to
// the caller. Also note that these pagination tokens cannot be used across
// different functions or resolvers."
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
//
// LastEvaluatedKey is sealed with AES-256-GCM: the token reveals nothing of the
// key, and one altered, forged or issued for another scope fails to open. The
// scope (data source, table, operation, index) is the authenticated data, as
// the data source cannot see which resolver called it.

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One key per process unless configured, so tokens die with the process that issued them. */
const processKey = randomBytes(32);

export class InvalidPaginationTokenError extends Error {
  override name = 'InvalidPaginationTokenError';
}

export interface PaginationTokens {
  seal(lastEvaluatedKey: AttributeMap, scope: string): string;
  /** throws InvalidPaginationTokenError */
  open(token: unknown, scope: string): AttributeMap;
}

/** The key must be plain JSON (S, N, B as typed strings) to travel inside the token. */
function keyToJson(key: AttributeMap): string {
  return JSON.stringify(key, (_name, value) =>
    value instanceof Uint8Array ? { $bytes: Buffer.from(value).toString('base64') } : value,
  );
}

function keyFromJson(json: string): AttributeMap {
  return JSON.parse(json, (_name, value) =>
    value && typeof value.$bytes === 'string' ? new Uint8Array(Buffer.from(value.$bytes, 'base64')) : value,
  );
}

/** @param secret tokens stay valid across restarts for the same secret; default: a key per process */
export function createPaginationTokens(secret?: string): PaginationTokens {
  const key = secret === undefined ? processKey : createHash('sha256').update(secret).digest();
  return {
    seal(lastEvaluatedKey, scope) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(scope));
      const sealed = Buffer.concat([cipher.update(keyToJson(lastEvaluatedKey), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
    },
    open(token, scope) {
      if (typeof token !== 'string') {
        throw new InvalidPaginationTokenError('nextToken must be a string');
      }
      const bytes = Buffer.from(token, 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES || bytes.toString('base64url') !== token) {
        throw new InvalidPaginationTokenError('nextToken is not one this data source issued');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(scope));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const json = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
        return keyFromJson(json.toString('utf8'));
      } catch {
        throw new InvalidPaginationTokenError('nextToken was altered or issued for another query');
      }
    },
  };
}
