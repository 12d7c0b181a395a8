import { runtime, util, type Context } from '@aws-appsync/utils';
import type { Event, MutationUpdateEventArgs } from '../../generated/graphql';
import { raiseInternalError, raiseLostRace } from '../lib/errors';
import { eventUpdateRequest } from '../lib/event-update';
import type { EventChanges } from '../lib/validation';

// Writes the changes, unless changeCapacity already wrote them together with the seats.

export function request(ctx: Context<MutationUpdateEventArgs>) {
  if (ctx.stash.updatedEvent) {
    return runtime.earlyReturn(ctx.stash.updatedEvent);
  }
  const current: Event = ctx.prev.result;
  const changes: EventChanges = ctx.stash.changes;
  return eventUpdateRequest(ctx, current, changes, util.time.nowISO8601());
}

export function response(ctx: Context<MutationUpdateEventArgs>): Event {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      raiseLostRace(ctx.prev.result, ctx.result);
    }
    raiseInternalError(ctx.error);
  }
  return ctx.result;
}
