import { runtime, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { EventConnection, QueryListEventsArgs } from '../generated/graphql';
import { EVENT_ITEM_TYPE, INDEX_BY_ITEM_TYPE, INDEX_BY_ORGANIZER, INDEX_BY_STATUS } from '../model/events-table';
import { signedInCaller, type Caller } from './lib/caller';
import { allOf, type Condition } from './lib/conditions';
import { raiseInternalError } from './lib/errors';
import { dataSourceTokenIn, listingOf, nextTokenFor, raiseInvalidNextToken } from './lib/listing-token';
import { validateListArgs, type ListQuery } from './lib/validation';

/** The sort-key condition on `date` for a date range, if any. */
function dateCondition(list: ListQuery) {
  if (list.from && list.to) {
    return { between: [list.from, list.to] };
  }
  if (list.from) {
    return { ge: list.from };
  }
  return list.to ? { le: list.to } : undefined;
}

/**
 * Every listing is a Query on an index sorted by date, so a page reads only
 * the events it returns. With both status and organizer, the organizer's
 * index (the narrower one) is read and the status filtered.
 */
function indexQuery(list: ListQuery): { index: string; keyCondition: Condition; filters: Condition[] } {
  const date = dateCondition(list);
  const keyCondition: Condition = date ? { date } : {};
  if (list.organizer) {
    keyCondition.organizer = { eq: list.organizer };
    return { index: INDEX_BY_ORGANIZER, keyCondition, filters: list.status ? [{ status: { eq: list.status } }] : [] };
  }
  if (list.status) {
    keyCondition.status = { eq: list.status };
    return { index: INDEX_BY_STATUS, keyCondition, filters: [] };
  }
  keyCondition.itemType = { eq: EVENT_ITEM_TYPE };
  return { index: INDEX_BY_ITEM_TYPE, keyCondition, filters: [] };
}

/**
 * What hides the drafts the caller may not see, or null when nothing needs
 * hiding: admins see everything, and a listing of a status other than DRAFT
 * holds no drafts at all (so it still reads only what it returns). A listing
 * of DRAFT reads the status index, whose key DynamoDB does not let a filter
 * name, so there only the owner is checked.
 */
function draftVisibility(caller: Caller | null, list: ListQuery): Condition | null {
  if ((caller && caller.isAdmin) || (list.status && list.status !== 'DRAFT')) {
    return null;
  }
  const ownEvents = caller ? { ownerId: { eq: caller.sub } } : null;
  if (list.status === 'DRAFT') {
    return ownEvents;
  }
  const notDraft = { status: { ne: 'DRAFT' } };
  return ownEvents ? { or: [notDraft, ownEvents] } : notDraft;
}

export function request(ctx: Context<QueryListEventsArgs>) {
  const list = validateListArgs(ctx.args.filter, ctx.args.limit);
  const caller = signedInCaller(ctx);
  if (!caller && list.status === 'DRAFT') {
    // API-key callers never see drafts: nothing to read
    runtime.earlyReturn({ items: [], nextToken: null });
  }
  const { index, keyCondition, filters } = indexQuery(list);
  const visibility = draftVisibility(caller, list);
  const conditions = visibility ? filters.concat([visibility]) : filters;
  const request: Record<string, unknown> = { index, query: keyCondition, limit: list.limit, scanIndexForward: true };
  if (conditions.length > 0) {
    request.filter = allOf(conditions);
  }
  ctx.stash.listing = listingOf(list);
  if (ctx.args.nextToken) {
    request.nextToken = dataSourceTokenIn(ctx.stash.listing, ctx.args.nextToken);
  }
  return query(request as Parameters<typeof query>[0]);
}

export function response(ctx: Context<QueryListEventsArgs>): EventConnection {
  if (ctx.error) {
    // AppSync reports a nextToken it did not issue (or one altered) this way
    if (ctx.args.nextToken && ctx.error.type === 'DynamoDB:UserIllegalArgumentException') {
      raiseInvalidNextToken();
    }
    raiseInternalError(ctx.error);
  }
  const dataSourceToken: string | null | undefined = ctx.result.nextToken;
  return { items: ctx.result.items, nextToken: dataSourceToken ? nextTokenFor(ctx.stash.listing, dataSourceToken) : null };
}
