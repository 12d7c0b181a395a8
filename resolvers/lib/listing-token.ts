import { util } from '@aws-appsync/utils';
import { raiseValidationError } from './errors';
import type { ListQuery } from './validation';

// A nextToken belongs to the listing (the filter) that returned it. AppSync's
// own token is bound to the resolver and index it was read from, not to the
// key condition: reused with another status, organizer or date range on the
// same index it would reach DynamoDB as a start key outside the query, which
// fails like a database fault (InternalError, "try again later"), though the
// mistake is the client's. So the token handed out is
// `<listing>.<AppSync's token>`, where <listing> is the base64 of the filter
// as validated (dates in UTC, organizer trimmed); base64 has no '.', so the
// first '.' ends it. A token from another listing is then refused before any
// read, as a forged one is.

const SEPARATOR = '.';

/** The validated filter a page belongs to, as it prefixes the page's nextToken. */
export function listingOf(list: ListQuery): string {
  return util.base64Encode(JSON.stringify([list.status ?? null, list.organizer ?? null, list.from ?? null, list.to ?? null]));
}

export function nextTokenFor(listing: string, dataSourceToken: string): string {
  return listing + SEPARATOR + dataSourceToken;
}

export function raiseInvalidNextToken(): never {
  return raiseValidationError([
    { field: 'nextToken', rule: 'NEXT_TOKEN', message: 'nextToken is not one this listing returned' },
  ]);
}

/** AppSync's token inside a nextToken this listing returned; a ValidationError for any other. */
export function dataSourceTokenIn(listing: string, nextToken: string): string {
  const prefix = listing + SEPARATOR;
  if (!nextToken.startsWith(prefix) || nextToken.length === prefix.length) {
    raiseInvalidNextToken();
  }
  return nextToken.slice(prefix.length);
}
