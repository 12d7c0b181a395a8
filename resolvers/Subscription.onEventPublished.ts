import { extensions, util, type Context } from '@aws-appsync/utils';
import type { Event, SubscriptionOnEventPublishedArgs } from '../generated/graphql';
import { publishedEventsFilter, refusePerCallerFields } from './lib/subscriptions';

// Runs once when a client subscribes (NONE data source). Published events are
// public, so every caller gets the same filter: no draft can pass it.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html

export function request(ctx: Context<SubscriptionOnEventPublishedArgs>) {
  refusePerCallerFields(ctx);
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnEventPublishedArgs>): Event | null {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(publishedEventsFilter(ctx.args.organizer)));
  return null;
}
