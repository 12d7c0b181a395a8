import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { QueryListRegistrationsArgs } from '../../generated/graphql';
import { REGISTRATION_SORT_KEY_PREFIX, WAITLIST_SORT_KEY_PREFIX } from '../../model/registrations-table';
import { raiseInternalError } from '../lib/errors';
import {
  toRegistration,
  waitlistEntryRegistration,
  type RegistrationSource,
  type StoredRegistration,
} from '../lib/registrations';

// The waitlist is read from its entries, which sort in line order; other
// listings read the registrations, in the order of user ids.

export function request(ctx: Context<QueryListRegistrationsArgs>) {
  const status = ctx.args.status;
  const waitlistOnly = status === 'WAITLISTED';
  const request = {
    query: {
      pk: { eq: ctx.args.eventId },
      sk: { beginsWith: waitlistOnly ? WAITLIST_SORT_KEY_PREFIX : REGISTRATION_SORT_KEY_PREFIX },
    },
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken,
    consistentRead: true,
  };
  return query(status && !waitlistOnly ? { ...request, filter: { status: { eq: status } } } : request);
}

export function response(ctx: Context<QueryListRegistrationsArgs>): { items: RegistrationSource[]; nextToken: string | null } {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const waitlistOnly = ctx.args.status === 'WAITLISTED';
  const items = (ctx.result.items as (StoredRegistration & { sk: string })[]).map((item) =>
    toRegistration(waitlistOnly ? waitlistEntryRegistration(ctx.args.eventId, item.sk) : item),
  );
  return { items, nextToken: ctx.result.nextToken || null };
}
