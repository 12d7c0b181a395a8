import { util, type Context } from '@aws-appsync/utils';
import type { Event } from '../../generated/graphql';
import type { Caller } from './caller';

// What the Events subscriptions deliver, as enhanced filters: AppSync matches
// every mutation result against them before it sends anything.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html

/** A filter object of util.transform.toSubscriptionFilter: fields and `or` branches. */
type EventFilterObject = Partial<Record<keyof Event, Record<string, unknown>>> & { or?: EventFilterObject[] };

/**
 * One event's changes, for one caller: admins see them all, the owner also
 * their draft, everyone else (API-key subscribers too) only a non-draft.
 * The eventId is in every group although the subscription's argument
 * already matches it, so that no other event's change can pass.
 */
export function eventChangesFilter(eventId: string, caller: Caller | null): EventFilterObject {
  const thisEvent = { eventId: { eq: eventId } };
  if (caller && caller.isAdmin) {
    return thisEvent;
  }
  const notDraft = { eventId: { eq: eventId }, status: { ne: 'DRAFT' } };
  if (!caller) {
    return notDraft;
  }
  return { or: [notDraft, { eventId: { eq: eventId }, ownerId: { eq: caller.sub } }] };
}

/**
 * Events entering PUBLISHED: created as PUBLISHED (version 1), or moved
 * there from DRAFT, the only status that leads to it (lib/lifecycle.ts).
 * Edits of a published event keep status PUBLISHED and so need the
 * previousStatus check.
 */
export function publishedEventsFilter(organizer: string | null | undefined): EventFilterObject {
  const entering = { or: [{ version: { eq: 1 } }, { previousStatus: { eq: 'DRAFT' } }] };
  if (typeof organizer === 'string') {
    return { status: { eq: 'PUBLISHED' }, organizer: { eq: organizer }, ...entering };
  }
  return { status: { eq: 'PUBLISHED' }, ...entering };
}

/** Fields that belong to the caller of a query, not to the event. */
const PER_CALLER_FIELD = 'myRegistration';

/**
 * A subscriber receives the mutation's result as the mutating user saw it
 * ("the mutation selection set is sent to subscribers",
 * https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html),
 * so myRegistration would be someone else's registration: the subscription
 * is refused. selectionSetList names a field by its alias, and
 * selectionSetGraphQL leaves fragment spreads unexpanded; but myRegistration
 * is the only field of Event with fields of its own, so a nested path is it,
 * whatever it is called.
 */
export function refusePerCallerFields(ctx: Context): void {
  const paths: string[] = ctx.info.selectionSetList || [];
  const printed: string = ctx.info.selectionSetGraphQL || '';
  const nested = paths.some((path) => path === PER_CALLER_FIELD || path.indexOf('/') >= 0);
  if (nested || printed.indexOf(PER_CALLER_FIELD) >= 0) {
    util.error(
      `${PER_CALLER_FIELD} cannot be selected in a subscription: it is the registration of whoever made the change; query getEvent for your own`,
      'ValidationError',
      null,
      { failures: [{ field: PER_CALLER_FIELD, rule: 'NOT_IN_SUBSCRIPTIONS', message: `${PER_CALLER_FIELD} cannot be selected in a subscription` }] },
    );
  }
}
