import type { Context } from '@aws-appsync/utils';
import { readSourceSeats, sourceSeats } from './lib/registrations';

// Seats left, never negative, from the same counters as confirmedCount.

export function request(ctx: Context) {
  return readSourceSeats(ctx);
}

export function response(ctx: Context): number {
  const seats = sourceSeats(ctx);
  return Math.max(0, seats.capacity - seats.confirmedCount);
}
