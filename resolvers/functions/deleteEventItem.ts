import { util, type Context } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationDeleteEventArgs } from '../../generated/graphql';
import { signedInCaller } from '../lib/caller';
import { unchangedSinceRead } from '../lib/conditions';
import { raiseConcurrentChange, raiseInternalError } from '../lib/errors';

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

export function response(ctx: Context<MutationDeleteEventArgs>): Event | null {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      raiseConcurrentChange(ctx.args.eventId);
    }
    raiseInternalError(ctx.error);
  }
  return ctx.result;
}
