import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { Event, QueryGetEventArgs } from '../generated/graphql';
import { raiseInternalError } from './lib/errors';
import { assertValid, validateEventId } from './lib/validation';
import type { ValidationFailure } from './lib/errors';

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
  return ctx.result ?? null;
}
