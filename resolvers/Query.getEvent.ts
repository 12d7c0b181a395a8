import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { Event, QueryGetEventArgs } from '../generated/graphql';
import { maySee, signedInCaller } from './lib/caller';
import { raiseInternalError, type ValidationFailure } from './lib/errors';
import { assertValid, validateEventId } from './lib/validation';

export function request(ctx: Context<QueryGetEventArgs>) {
  const failures: ValidationFailure[] = [];
  validateEventId('eventId', ctx.args.eventId, failures);
  assertValid(failures);
  return get({ key: { eventId: ctx.args.eventId } });
}

export function response(ctx: Context<QueryGetEventArgs>): Event | null {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const event: Event | null = ctx.result;
  // a draft the caller may not see is answered as if it did not exist
  return event && maySee(signedInCaller(ctx), event) ? event : null;
}
