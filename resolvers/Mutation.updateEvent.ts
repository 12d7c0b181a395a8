import type { Context } from '@aws-appsync/utils';
import type { Event, MutationUpdateEventArgs } from '../generated/graphql';
import { validateUpdateArgs } from './lib/validation';

// Pipeline: readEventForWrite → readSeatsForCapacity → changeCapacity → updateEventItem. Input is checked before
// anything is read, so a bad request costs no database call.

export function request(ctx: Context<MutationUpdateEventArgs>) {
  ctx.stash.changes = validateUpdateArgs(ctx.args.eventId, ctx.args.input, ctx.args.expectedVersion);
  return {};
}

// previousStatus lets onEventPublished tell an event entering PUBLISHED from an edit of a published one.
export function response(ctx: Context<MutationUpdateEventArgs>): Event {
  return { ...ctx.prev.result, previousStatus: ctx.stash.previousStatus };
}
