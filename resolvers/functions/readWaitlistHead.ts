import { runtime, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { MutationCancelRegistrationArgs } from '../../generated/graphql';
import { SEATS_SORT_KEY } from '../../model/registrations-table';
import { raiseInternalError } from '../lib/errors';
import type { StoredRegistration } from '../lib/registrations';

// Before a confirmed seat is given up: who is next in line. The seats item
// sorts just before the waitlist entries, so one consistent Query of two
// items reads both. The release is conditioned on what is read here.

export function request(ctx: Context<MutationCancelRegistrationArgs>) {
  const current: StoredRegistration = ctx.stash.current;
  if (current.status !== 'CONFIRMED') {
    return runtime.earlyReturn(ctx.prev.result);
  }
  return query({
    query: { pk: { eq: current.eventId }, sk: { beginsWith: SEATS_SORT_KEY } },
    limit: 2,
    consistentRead: true,
  });
}

export function response(ctx: Context<MutationCancelRegistrationArgs>) {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const next = (ctx.result.items as { sk: string }[]).find((item) => item.sk !== SEATS_SORT_KEY);
  ctx.stash.nextInLine = next ? next.sk : null;
  return ctx.prev.result;
}
