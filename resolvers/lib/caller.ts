import type { Context } from '@aws-appsync/utils';
import type { Event } from '../../generated/graphql';
import { ADMIN_GROUP } from '../../model/access';

/** A signed-in user, as the Cognito user pool token names them. */
export interface Caller {
  sub: string;
  isAdmin: boolean;
}

interface CognitoIdentityFields {
  sub?: string;
  groups?: string[] | null;
}

/**
 * The signed-in user behind a request, or null for an API-key caller (AppSync
 * leaves `ctx.identity` empty for API_KEY authorization).
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js
 */
export function signedInCaller(ctx: Context): Caller | null {
  const identity = ctx.identity as CognitoIdentityFields | null | undefined;
  if (!identity || !identity.sub) {
    return null;
  }
  const groups = identity.groups || [];
  return { sub: identity.sub, isAdmin: groups.indexOf(ADMIN_GROUP) >= 0 };
}

/** Owners and admins may change, delete and see an event. */
export function mayManage(caller: Caller, event: Pick<Event, 'ownerId'>): boolean {
  return caller.isAdmin || caller.sub === event.ownerId;
}

/** Drafts are hidden from everyone but their owner and admins. */
export function maySee(caller: Caller | null, event: Pick<Event, 'ownerId' | 'status'>): boolean {
  return event.status !== 'DRAFT' || (caller !== null && mayManage(caller, event));
}

/**
 * The write condition that keeps a non-admin's write to their own events,
 * checked by DynamoDB together with the write; null for admins.
 */
export function ownershipCondition(caller: Caller) {
  return caller.isAdmin ? null : { ownerId: { eq: caller.sub } };
}
