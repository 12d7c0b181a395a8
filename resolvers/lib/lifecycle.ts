import type { EventStatus } from '../../generated/graphql';

/**
 * The statuses an event may move to a given status from: DRAFT → PUBLISHED →
 * ACTIVE → COMPLETED, and any non-final status → CANCELLED. Nothing leads back
 * to DRAFT, and COMPLETED and CANCELLED are final.
 */
const ALLOWED_PREVIOUS_STATUSES: Record<EventStatus, EventStatus[]> = {
  DRAFT: [],
  PUBLISHED: ['DRAFT'],
  ACTIVE: ['PUBLISHED'],
  COMPLETED: ['ACTIVE'],
  CANCELLED: ['DRAFT', 'PUBLISHED', 'ACTIVE'],
};

/** Statuses an event may be created with. */
export const INITIAL_STATUSES: EventStatus[] = ['DRAFT', 'PUBLISHED'];

export function allowedPreviousStatuses(next: EventStatus): EventStatus[] {
  return ALLOWED_PREVIOUS_STATUSES[next];
}

export function isAllowedTransition(from: EventStatus, to: EventStatus): boolean {
  return allowedPreviousStatuses(to).indexOf(from) >= 0;
}
