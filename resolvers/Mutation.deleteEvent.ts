import type { Context } from '@aws-appsync/utils';
import type { Event, MutationDeleteEventArgs } from '../generated/graphql';
import type { ValidationFailure } from './lib/errors';
import { assertValid, validateEventId, validateExpectedVersion } from './lib/validation';

// Pipeline: readEventForWrite → deleteEventItem.

export function request(ctx: Context<MutationDeleteEventArgs>) {
  const failures: ValidationFailure[] = [];
  validateEventId('eventId', ctx.args.eventId, failures);
  validateExpectedVersion(ctx.args.expectedVersion, failures);
  assertValid(failures);
  return {};
}

export function response(ctx: Context<MutationDeleteEventArgs>): Event {
  return ctx.prev.result;
}
