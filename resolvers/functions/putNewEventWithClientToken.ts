import { runtime, type Context } from '@aws-appsync/utils';
import type { Event, MutationCreateEventArgs } from '../../generated/graphql';
import { clientTokenWrite } from '../lib/client-token';
import { raiseInternalError, raiseWriteRaced } from '../lib/errors';
import { eventKey, tableNames } from '../lib/registrations';
import { expression, putWrite, transaction, transactionOutcome } from '../lib/transactions';

// createEvent with a clientToken: the event and the token's record in one
// transaction, so a retry can never create a second event. When the record
// is already there, settleLostWrite answers with the first result.

export function request(ctx: Context<MutationCreateEventArgs>) {
  if (!ctx.stash.clientToken) {
    return runtime.earlyReturn(ctx.prev.result);
  }
  const tables = tableNames(ctx);
  const newEvent: Event = ctx.stash.newEvent;
  const { eventId, ...attributes } = newEvent;
  const built = transaction([
    clientTokenWrite(ctx, tables.registrations, ctx.stash.clientToken, newEvent),
    putWrite('event', tables.events, eventKey(eventId), attributes, expression('attribute_not_exists(#eventId)', { '#eventId': 'eventId' })),
  ]);
  ctx.stash.transactionParts = built.parts;
  return built.request;
}

export function response(ctx: Context<MutationCreateEventArgs>): Event | null {
  const outcome = transactionOutcome(ctx, ctx.stash.transactionParts);
  if (outcome.committed) {
    ctx.stash.result = ctx.stash.newEvent;
    return ctx.stash.newEvent;
  }
  if (ctx.error && outcome.failedOtherwise) {
    raiseInternalError(ctx.error);
  }
  if (outcome.failedParts.indexOf('clientToken') >= 0) {
    ctx.stash.settle = 'clientToken';
    return null;
  }
  return raiseWriteRaced();
}
