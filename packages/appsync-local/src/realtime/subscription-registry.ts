import type { GraphQLSchema } from 'graphql';
import { isDeepStrictEqual } from 'node:util';
import type { AuthenticatedCaller, FieldAuthorizer } from '../types.ts';
import { matchesSubscriptionFilter, type CheckedSubscriptionFilter } from './subscription-filter-match.ts';
import { subscriberPayload, type FieldSelection } from './subscription-payload.ts';

// Every running subscription of the server, by subscription field, and the
// fan-out of a published mutation result to them, in AppSync's order:
// the subscriber's arguments (each argument given must equal the result's
// field of that name; arguments left out match everything) or, when its
// resolver set one, the enhanced filter instead, then its authorization.
// The filter replaces the arguments: the enhanced-filtering page's resolvers
// repeat the arguments they want matched in the filter (`group: { eq:
// ctx.args.group }`), and Amplify's generated subscriptions take a `filter`
// argument, no field of the result, that its resolver turns into the
// subscription filter: were arguments still matched, those would never match.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
//
// An argument given as null matches a result whose field is null (or was not
// selected): our reading, as a given argument is compared with the field.

export interface ActiveSubscription {
  /** the id the client gave in `start` */
  readonly id: string;
  readonly fieldName: string;
  /** the arguments the subscriber gave, coerced */
  readonly arguments: Readonly<Record<string, unknown>>;
  /** from `extensions.setSubscriptionFilter` */
  readonly filter?: CheckedSubscriptionFilter;
  /** from `extensions.setSubscriptionInvalidationFilter` */
  readonly invalidationFilter?: CheckedSubscriptionFilter;
  readonly caller: AuthenticatedCaller;
  /** the subscription field's selection and its response key (alias) */
  readonly selection: FieldSelection & { responseKey: string };
  /** sends a `data` message */
  deliver(data: Record<string, unknown>): void;
  /** ends the subscription from the server's side */
  invalidate(): void;
}

function argumentsMatch(given: Readonly<Record<string, unknown>>, published: Record<string, unknown>): boolean {
  return Object.entries(given).every(([name, value]) =>
    value === null ? published[name] === null || published[name] === undefined : isDeepStrictEqual(published[name], value),
  );
}

export class SubscriptionRegistry {
  private readonly byField = new Map<string, Set<ActiveSubscription>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly authorizeField: FieldAuthorizer,
  ) {}

  add(subscription: ActiveSubscription): void {
    const subscriptions = this.byField.get(subscription.fieldName) ?? new Set();
    subscriptions.add(subscription);
    this.byField.set(subscription.fieldName, subscriptions);
  }

  remove(subscription: ActiveSubscription): void {
    this.byField.get(subscription.fieldName)?.delete(subscription);
  }

  /** How many subscriptions are running. */
  get size(): number {
    let count = 0;
    for (const subscriptions of this.byField.values()) {
      count += subscriptions.size;
    }
    return count;
  }

  /** Sends a mutation's result (by field name) to every matching subscriber of `fieldName`; answers how many got it. */
  publish(fieldName: string, published: Record<string, unknown>): number {
    let delivered = 0;
    for (const subscription of this.byField.get(fieldName) ?? []) {
      const selected = subscription.filter
        ? matchesSubscriptionFilter(subscription.filter, published)
        : argumentsMatch(subscription.arguments, published);
      if (selected && this.authorizeField('Subscription', fieldName, subscription.caller)) {
        const mayRead = (typeName: string, field: string) => this.authorizeField(typeName, field, subscription.caller);
        const payload = subscriberPayload(this.schema, published, subscription.selection, mayRead);
        subscription.deliver({ [subscription.selection.responseKey]: payload });
        delivered += 1;
      }
    }
    return delivered;
  }

  /**
   * `extensions.invalidateSubscriptions({ subscriptionField, payload })`: ends
   * every subscription of that field whose invalidation filter matches the
   * payload. Subscriptions without an invalidation filter are never invalidated.
   * The client is told with `complete`, the message AppSync sends an
   * invalidated subscription (aws-amplify/amplify-js#9898, which passes it on).
   * https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html
   */
  invalidate(fieldName: string, payload: Record<string, unknown>): number {
    const matching = [...(this.byField.get(fieldName) ?? [])].filter(
      (subscription) =>
        subscription.invalidationFilter !== undefined && matchesSubscriptionFilter(subscription.invalidationFilter, payload),
    );
    for (const subscription of matching) {
      subscription.invalidate();
    }
    return matching.length;
  }
}
