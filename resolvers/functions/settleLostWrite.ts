import { runtime, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { replayedResult, type ClientTokenUse } from '../lib/client-token';
import { raiseInternalError, raiseWriteRaced } from '../lib/errors';
import { registrationKey, toRegistration } from '../lib/registrations';

// Last step of a write that may lose to an earlier one: when the clientToken
// record was already there, the first result is returned (or
// IdempotencyConflictError for other input); when the caller was already
// registered, their registration is. Otherwise the result passes through.

export function request(ctx: Context) {
  if (ctx.stash.settle === 'clientToken') {
    const clientToken: ClientTokenUse = ctx.stash.clientToken;
    return get({ key: clientToken.key, consistentRead: true });
  }
  if (ctx.stash.settle === 'registration') {
    const { eventId, userId } = ctx.stash.registration;
    return get({ key: registrationKey(eventId, userId), consistentRead: true });
  }
  return runtime.earlyReturn(ctx.stash.result === undefined ? ctx.prev.result : ctx.stash.result);
}

export function response(ctx: Context) {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const settled =
    ctx.stash.settle === 'clientToken'
      ? replayedResult(ctx.stash.clientToken, ctx.result)
      : ctx.result && toRegistration(ctx.result);
  if (!settled) {
    // what the write lost to is gone again (expired, or cancelled): a retry will write
    raiseWriteRaced();
  }
  return settled;
}
