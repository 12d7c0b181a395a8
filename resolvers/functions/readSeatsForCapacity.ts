import { runtime, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { Event, MutationUpdateEventArgs } from '../../generated/graphql';
import { SEATS_SORT_KEY } from '../../model/registrations-table';
import { raiseInternalError } from '../lib/errors';
import { MAX_PROMOTIONS_PER_UPDATE, seatsOf, type Seats } from '../lib/registrations';
import type { EventChanges } from '../lib/validation';

// When updateEvent changes capacity: the seat counters and the head of the
// waitlist, in one consistent Query (the seats item sorts just before the
// waitlist entries). changeCapacity writes on condition they are unchanged.

export function request(ctx: Context<MutationUpdateEventArgs>) {
  const current: Event = ctx.prev.result;
  const changes: EventChanges = ctx.stash.changes;
  if (changes.capacity === undefined || changes.capacity === current.capacity) {
    return runtime.earlyReturn(current);
  }
  return query({
    query: { pk: { eq: current.eventId }, sk: { beginsWith: SEATS_SORT_KEY } },
    limit: 1 + MAX_PROMOTIONS_PER_UPDATE,
    consistentRead: true,
  });
}

export function response(ctx: Context<MutationUpdateEventArgs>): Event {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  const current: Event = ctx.prev.result;
  const items = ctx.result.items as ({ sk: string } & Partial<Seats>)[];
  const seatsItem = items.find((item) => item.sk === SEATS_SORT_KEY);
  ctx.stash.capacityChange = {
    stored: !!seatsItem,
    seats: seatsOf(seatsItem, current.capacity),
    waitlistHead: items.filter((item) => item.sk !== SEATS_SORT_KEY).map((item) => item.sk),
  };
  return current;
}
