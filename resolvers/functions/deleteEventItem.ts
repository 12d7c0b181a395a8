import { util, type Context } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationDeleteEventArgs } from '../../generated/graphql';
import { signedInCaller } from '../lib/caller';
import { unchangedSinceRead } from '../lib/conditions';
import { raiseInternalError, raiseLostRace, raiseNotFound } from '../lib/errors';

// Deletes only the version read by readEventForWrite: a change made in between
// is never lost without the client hearing of it.

export function request(ctx: Context<MutationDeleteEventArgs>) {
  const current: Event = ctx.prev.result;
  const caller = signedInCaller(ctx);
  if (!caller) {
    util.unauthorized();
  }
  return remove({ key: { eventId: current.eventId }, condition: unchangedSinceRead(caller, current) });
}

export function response(ctx: Context<MutationDeleteEventArgs>): Event {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      raiseLostRace(ctx.prev.result, ctx.result);
    }
    raiseInternalError(ctx.error);
  }
  if (!ctx.result) {
    // AppSync counts a conditional delete of an item already gone as a
    // success with no item (same page as raiseLostRace): another delete won.
    raiseNotFound(ctx.args.eventId);
  }
  return ctx.result;
}
