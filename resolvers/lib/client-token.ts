import { util, type Context } from '@aws-appsync/utils';
import {
  CLIENT_TOKEN_KEY_PREFIX,
  CLIENT_TOKEN_SORT_KEY,
  EXPIRES_AT_ATTRIBUTE,
} from '../../model/registrations-table';
import { raiseIdempotencyConflict, type ValidationFailure } from './errors';
import { expression, putWrite, type TransactWrite } from './transactions';

// Safe retries: a mutation given a clientToken writes, in the same
// transaction as its change, a record of the token, the input it came with
// and the result. A retry finds the record (its put fails on the condition)
// and gets the stored result; the record expires through the table's TTL.

export const MAX_CLIENT_TOKEN_LENGTH = 64;
export const CLIENT_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

export function validateClientToken(clientToken: string | null | undefined, failures: ValidationFailure[]) {
  if (typeof clientToken === 'string' && (clientToken.length < 1 || clientToken.length > MAX_CLIENT_TOKEN_LENGTH)) {
    failures.push({
      field: 'clientToken',
      rule: 'LENGTH',
      message: `clientToken must be 1 to ${MAX_CLIENT_TOKEN_LENGTH} characters`,
    });
  }
}

/** What a resolver puts in `ctx.stash.clientToken` when the request carries one. */
export interface ClientTokenUse {
  token: string;
  key: { pk: string; sk: string };
  /** the operation and its input, written so that equal input gives an equal string */
  request: string;
}

/** Tokens are per user and per operation: another user's token never collides with yours. */
export function clientTokenUse(userId: string, operation: string, token: string, input: unknown): ClientTokenUse {
  return {
    token,
    key: { pk: `${CLIENT_TOKEN_KEY_PREFIX}${userId}#${operation}#${token}`, sk: CLIENT_TOKEN_SORT_KEY },
    request: JSON.stringify(input),
  };
}

/** The record's put: it fails only when an unexpired record of the same token exists. */
export function clientTokenWrite(ctx: Context, table: string, use: ClientTokenUse, result: unknown): TransactWrite {
  const now = util.time.nowEpochSeconds();
  return putWrite(
    'clientToken',
    table,
    use.key,
    { request: use.request, result, [EXPIRES_AT_ATTRIBUTE]: now + CLIENT_TOKEN_LIFETIME_SECONDS },
    expression('attribute_not_exists(#pk) OR #expiresAt < :now', { '#pk': 'pk', '#expiresAt': EXPIRES_AT_ATTRIBUTE }, { ':now': now }),
  );
}

interface ClientTokenRecord {
  request: string;
  result: unknown;
}

/**
 * The first result, for a retry with the same input; IdempotencyConflictError
 * for other input. Null when the record has meanwhile expired.
 */
export function replayedResult(use: ClientTokenUse, record: ClientTokenRecord | null): unknown {
  if (!record) {
    return null;
  }
  if (record.request !== use.request) {
    raiseIdempotencyConflict(use.token);
  }
  return record.result;
}
