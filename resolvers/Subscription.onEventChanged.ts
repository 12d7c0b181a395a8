import { extensions, util, type Context } from '@aws-appsync/utils';
import type { Event, SubscriptionOnEventChangedArgs } from '../generated/graphql';
import { signedInCaller } from './lib/caller';
import type { ValidationFailure } from './lib/errors';
import { eventChangesFilter, refusePerCallerFields } from './lib/subscriptions';
import { assertValid, validateEventId } from './lib/validation';

// Runs once when a client subscribes (NONE data source): its errors refuse the
// subscription, and the filters it sets decide what reaches this subscriber.
// Deleting the event ends the subscription (Mutation.deleteEvent invalidates
// by eventId).
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html

export function request(ctx: Context<SubscriptionOnEventChangedArgs>) {
  const failures: ValidationFailure[] = [];
  validateEventId('eventId', ctx.args.eventId, failures);
  assertValid(failures);
  refusePerCallerFields(ctx);
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnEventChangedArgs>): Event | null {
  extensions.setSubscriptionFilter(
    util.transform.toSubscriptionFilter(eventChangesFilter(ctx.args.eventId, signedInCaller(ctx))),
  );
  extensions.setSubscriptionInvalidationFilter(
    util.transform.toSubscriptionFilter({ eventId: { eq: ctx.args.eventId } }),
  );
  return null;
}
