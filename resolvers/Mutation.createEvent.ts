import type { Context } from '@aws-appsync/utils';
import type { Event, MutationCreateEventArgs } from '../generated/graphql';
import { validateClientToken } from './lib/client-token';
import type { ValidationFailure } from './lib/errors';
import { assertValid } from './lib/validation';

// Pipeline: putNewEvent → putNewEventWithClientToken → settleLostWrite.

export function request(ctx: Context<MutationCreateEventArgs>) {
  const failures: ValidationFailure[] = [];
  validateClientToken(ctx.args.clientToken, failures);
  assertValid(failures);
  return {};
}

export function response(ctx: Context<MutationCreateEventArgs>): Event {
  return ctx.prev.result;
}
