import { runtime, type Context } from '@aws-appsync/utils';
import type { QueryListRegistrationsArgs } from '../../generated/graphql';
import { raiseInternalError } from '../lib/errors';
import { countWaitlistUpTo, type RegistrationSource } from '../lib/registrations';

// A page of the waitlist gets its positions from one count: the first entry's
// place in line, and one more for each entry after it. The first page starts
// at position 1 and needs no count.

interface Page {
  items: RegistrationSource[];
  nextToken: string | null;
}

function numbered(page: Page, first: number): Page {
  return { ...page, items: page.items.map((item, index) => ({ ...item, position: first + index })) };
}

export function request(ctx: Context<QueryListRegistrationsArgs>) {
  const page: Page = ctx.prev.result;
  if (ctx.args.status !== 'WAITLISTED' || page.items.length === 0) {
    return runtime.earlyReturn(page);
  }
  if (!ctx.args.nextToken) {
    return runtime.earlyReturn(numbered(page, 1));
  }
  const first = page.items[0];
  return countWaitlistUpTo(first.eventId, first.waitlistKey as string);
}

export function response(ctx: Context<QueryListRegistrationsArgs>): Page {
  if (ctx.error) {
    raiseInternalError(ctx.error);
  }
  return numbered(ctx.prev.result, ctx.result.scannedCount);
}
