import { runtime, util, type Context } from '@aws-appsync/utils';
import { put } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationCreateEventArgs } from '../../generated/graphql';
import { EVENT_ITEM_TYPE } from '../../model/events-table';
import { signedInCaller } from '../lib/caller';
import { clientTokenUse } from '../lib/client-token';
import { raiseInternalError } from '../lib/errors';
import { validateCreateInput } from '../lib/validation';

// First step of createEvent: checks the input and builds the event. Without
// a clientToken it puts the event; with one, putNewEventWithClientToken
// writes the event and the token's record together.

export function request(ctx: Context<MutationCreateEventArgs>) {
  const caller = signedInCaller(ctx);
  if (!caller) {
    // the schema already admits only user pool callers; an event needs an owner
    util.unauthorized();
  }
  const fields = validateCreateInput(ctx.args.input);
  const now = util.time.nowISO8601();
  const eventId = util.autoId();
  const item = {
    ...fields,
    ownerId: caller.sub,
    itemType: EVENT_ITEM_TYPE,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  if (typeof ctx.args.clientToken === 'string') {
    // the stored input, field by field in a fixed order, so a retry compares equal
    const { title, description, date, location, capacity, organizer, status } = fields;
    ctx.stash.clientToken = clientTokenUse(caller.sub, 'createEvent', ctx.args.clientToken, {
      title,
      description,
      date,
      location,
      capacity,
      organizer,
      status,
    });
    ctx.stash.newEvent = { ...item, eventId };
    return runtime.earlyReturn(null);
  }
  return put<Event & { itemType: string }>({
    key: { eventId },
    item,
    // a fresh UUID never exists, but a create must never overwrite
    condition: { eventId: { attributeExists: false } },
  });
}

export function response(ctx: Context<MutationCreateEventArgs>): Event {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  ctx.stash.result = ctx.result;
  return ctx.result;
}
