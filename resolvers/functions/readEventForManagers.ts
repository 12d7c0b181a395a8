import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { Event, QueryListRegistrationsArgs } from '../../generated/graphql';
import { mayManage, signedInCaller } from '../lib/caller';
import { raiseInternalError, raiseNotFound } from '../lib/errors';

// Who came to an event is for its owner and admins only.

export function request(ctx: Context<QueryListRegistrationsArgs>) {
  return get({ key: { eventId: ctx.args.eventId } });
}

export function response(ctx: Context<QueryListRegistrationsArgs>): Event {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const event: Event | null = ctx.result;
  const caller = signedInCaller(ctx);
  if (!event) {
    raiseNotFound(ctx.args.eventId);
  }
  if (!caller || !mayManage(caller, event)) {
    util.unauthorized();
  }
  return event;
}
