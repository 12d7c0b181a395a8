import { extensions, util, type Context } from '@aws-appsync/utils';
import type { Event, MutationDeleteEventArgs } from '../generated/graphql';
import type { ValidationFailure } from './lib/errors';
import { assertValid, validateEventId, validateExpectedVersion } from './lib/validation';

// Pipeline: readEventForWrite → deleteEventItem. A deleted event changes no
// more, so its onEventChanged subscriptions end here (their invalidation
// filter is set by Subscription.onEventChanged), after they received this
// result. Neither Amplify JS nor aws-appsync-subscription-link tells its
// caller that a subscription was ended (amplify-js pull request 9898 is still
// open), so deletedAt marks the last message.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html

export function request(ctx: Context<MutationDeleteEventArgs>) {
  const failures: ValidationFailure[] = [];
  validateEventId('eventId', ctx.args.eventId, failures);
  validateExpectedVersion(ctx.args.expectedVersion, failures);
  assertValid(failures);
  return {};
}

export function response(ctx: Context<MutationDeleteEventArgs>): Event {
  extensions.invalidateSubscriptions({
    subscriptionField: 'onEventChanged',
    payload: { eventId: ctx.args.eventId },
  });
  return { ...ctx.prev.result, deletedAt: util.time.nowISO8601() };
}
