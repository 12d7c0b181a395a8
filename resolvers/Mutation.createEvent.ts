import { util, type Context } from '@aws-appsync/utils';
import { put } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationCreateEventArgs } from '../generated/graphql';
import { EVENT_ITEM_TYPE } from '../model/events-table';
import { signedInCaller } from './lib/caller';
import { raiseInternalError } from './lib/errors';
import { validateCreateInput } from './lib/validation';

export function request(ctx: Context<MutationCreateEventArgs>) {
  const caller = signedInCaller(ctx);
  if (!caller) {
    // the schema already admits only user pool callers; an event needs an owner
    util.unauthorized();
  }
  const fields = validateCreateInput(ctx.args.input);
  const now = util.time.nowISO8601();
  const eventId = util.autoId();
  return put<Event & { itemType: string }>({
    key: { eventId },
    item: {
      ...fields,
      ownerId: caller.sub,
      itemType: EVENT_ITEM_TYPE,
      createdAt: now,
      updatedAt: now,
      version: 1,
    },
    // a fresh UUID never exists, but a create must never overwrite
    condition: { eventId: { attributeExists: false } },
  });
}

export function response(ctx: Context<MutationCreateEventArgs>): Event {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  return ctx.result;
}
