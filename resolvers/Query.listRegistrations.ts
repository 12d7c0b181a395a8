import type { Context } from '@aws-appsync/utils';
import type { QueryListRegistrationsArgs } from '../generated/graphql';
import type { ValidationFailure } from './lib/errors';
import { assertValid, DEFAULT_PAGE_SIZE, validateEventId } from './lib/validation';

// Pipeline: readEventForManagers → queryRegistrations → countWaitlistAhead.

const MAX_REGISTRATIONS_PAGE = 50;

export function request(ctx: Context<QueryListRegistrationsArgs>) {
  const failures: ValidationFailure[] = [];
  validateEventId('eventId', ctx.args.eventId, failures);
  const limit = ctx.args.limit ?? DEFAULT_PAGE_SIZE;
  if (limit < 1 || limit > MAX_REGISTRATIONS_PAGE) {
    failures.push({ field: 'limit', rule: 'RANGE', message: `limit must be from 1 to ${MAX_REGISTRATIONS_PAGE}` });
  }
  assertValid(failures);
  ctx.stash.limit = limit;
  return {};
}

export function response(ctx: Context<QueryListRegistrationsArgs>) {
  return ctx.prev.result;
}
