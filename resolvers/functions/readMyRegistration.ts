import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { MutationCancelRegistrationArgs } from '../../generated/graphql';
import { raiseInternalError, raiseNotRegistered } from '../lib/errors';
import { registrationKey, type StoredRegistration } from '../lib/registrations';

export function request(ctx: Context<MutationCancelRegistrationArgs>) {
  return get({ key: registrationKey(ctx.args.eventId, ctx.stash.userId), consistentRead: true });
}

export function response(ctx: Context<MutationCancelRegistrationArgs>): StoredRegistration {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  if (!ctx.result) {
    raiseNotRegistered(ctx.args.eventId);
  }
  ctx.stash.current = ctx.result;
  return ctx.result;
}
