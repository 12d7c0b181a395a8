import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { Event } from '../../generated/graphql';
import { mayManage, signedInCaller } from '../lib/caller';
import { raiseConflict, raiseInternalError, raiseNotFound } from '../lib/errors';

// First step of every write: read the event as it is now, so that a missing
// event, someone else's event and a stale expectedVersion each get their own
// clear error. The write that follows is conditioned on the version (and
// owner) read here, so nothing that happens in between can be overwritten.

interface WriteArgs {
  eventId: string;
  expectedVersion?: number | null;
}

export function request(ctx: Context<WriteArgs>) {
  return get({ key: { eventId: ctx.args.eventId }, consistentRead: true });
}

export function response(ctx: Context<WriteArgs>): Event {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const current: Event | null = ctx.result;
  if (!current) {
    raiseNotFound(ctx.args.eventId);
  }
  const caller = signedInCaller(ctx);
  if (!caller || !mayManage(caller, current)) {
    util.unauthorized();
  }
  const expectedVersion = ctx.args.expectedVersion;
  if (typeof expectedVersion === 'number' && expectedVersion !== current.version) {
    raiseConflict(ctx.args.eventId, expectedVersion, current.version);
  }
  // the write that follows is conditioned on this version, so this is the status it changes
  ctx.stash.previousStatus = current.status;
  return current;
}
