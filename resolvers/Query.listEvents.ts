import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { EventConnection, QueryListEventsArgs } from '../generated/graphql';
import { EVENT_ITEM_TYPE, INDEX_BY_ITEM_TYPE, INDEX_BY_ORGANIZER, INDEX_BY_STATUS } from '../model/events-table';
import { raiseInternalError, raiseValidationError } from './lib/errors';
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
function indexQuery(list: ListQuery) {
  const date = dateCondition(list);
  const keyCondition: Record<string, unknown> = date ? { date } : {};
  if (list.organizer) {
    keyCondition.organizer = { eq: list.organizer };
    return { index: INDEX_BY_ORGANIZER, keyCondition, statusFilter: list.status };
  }
  if (list.status) {
    keyCondition.status = { eq: list.status };
    return { index: INDEX_BY_STATUS, keyCondition };
  }
  keyCondition.itemType = { eq: EVENT_ITEM_TYPE };
  return { index: INDEX_BY_ITEM_TYPE, keyCondition };
}

export function request(ctx: Context<QueryListEventsArgs>) {
  const list = validateListArgs(ctx.args.filter, ctx.args.limit);
  const { index, keyCondition, statusFilter } = indexQuery(list);
  const request: Record<string, unknown> = { index, query: keyCondition, limit: list.limit, scanIndexForward: true };
  if (statusFilter) {
    request.filter = { status: { eq: statusFilter } };
  }
  if (ctx.args.nextToken) {
    request.nextToken = ctx.args.nextToken;
  }
  return query(request as Parameters<typeof query>[0]);
}

export function response(ctx: Context<QueryListEventsArgs>): EventConnection {
  if (ctx.error) {
    if (ctx.args.nextToken && ctx.error.type === 'DynamoDB:InvalidNextTokenException') {
      raiseValidationError([{ field: 'nextToken', rule: 'NEXT_TOKEN', message: 'nextToken is not one this listing returned' }]);
    }
    raiseInternalError(ctx.error);
  }
  return { items: ctx.result.items, nextToken: ctx.result.nextToken ?? null };
}
