import type { Context } from '@aws-appsync/utils';
import { readSourceSeats, sourceSeats } from './lib/registrations';

// Seats taken, from the counters that registrations change transactionally.

export function request(ctx: Context) {
  return readSourceSeats(ctx);
}

export function response(ctx: Context): number {
  return sourceSeats(ctx).confirmedCount;
}
