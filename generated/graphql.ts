export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  AWSDate: { input: string; output: string; }
  AWSDateTime: { input: string; output: string; }
  AWSEmail: { input: string; output: string; }
  AWSIPAddress: { input: string; output: string; }
  AWSJSON: { input: string; output: string; }
  AWSPhone: { input: string; output: string; }
  AWSTime: { input: string; output: string; }
  AWSTimestamp: { input: number; output: number; }
  AWSURL: { input: string; output: string; }
};

/** The fields of a new event. */
export type CreateEventInput = {
  /** An integer from 1 to 100,000. */
  capacity: Scalars['Int']['input'];
  /** A real calendar date or date-time in ISO 8601 (`2025-06-01` or `2025-06-01T18:30:00Z`); stored in UTC. */
  date: Scalars['String']['input'];
  /** 1 to 2,000 characters after trimming. */
  description: Scalars['String']['input'];
  /** 1 to 500 characters after trimming. */
  location: Scalars['String']['input'];
  /** 1 to 200 characters after trimming. */
  organizer: Scalars['String']['input'];
  /** DRAFT (the default) or PUBLISHED. */
  status?: InputMaybe<EventStatus>;
  /** 1 to 200 characters after trimming. */
  title: Scalars['String']['input'];
};

/** The database's part of a health check. */
export type DatabaseHealth = {
  __typename?: 'DatabaseHealth';
  /** Round-trip time of the read, in milliseconds. */
  latencyMs: Scalars['Int']['output'];
  /** Whether the database answered. */
  reachable: Scalars['Boolean']['output'];
};

/**
 * An event people can attend. Anyone with the API key can read published
 * events; DRAFT events are visible only to their owner and to admins.
 */
export type Event = {
  __typename?: 'Event';
  /** How many people may attend: an integer from 1 to 100,000. */
  capacity: Scalars['Int']['output'];
  /** How many registrations hold a seat (CONFIRMED); never more than capacity. */
  confirmedCount: Scalars['Int']['output'];
  /** When the event was created (UTC). */
  createdAt: Scalars['AWSDateTime']['output'];
  /** When the event starts, in UTC (ISO 8601, e.g. `2025-06-01T18:30:00.000Z`). */
  date: Scalars['AWSDateTime']['output'];
  /**
   * When the event was deleted: set only in the result of deleteEvent, so that
   * an onEventChanged subscriber can tell its last message from an update;
   * null everywhere else.
   */
  deletedAt: Maybe<Scalars['AWSDateTime']['output']>;
  /** What the event is about: 1 to 2,000 characters. */
  description: Scalars['String']['output'];
  /** Unique identifier, assigned by the API on creation. */
  eventId: Scalars['ID']['output'];
  /** Where the event takes place: 1 to 500 characters. */
  location: Scalars['String']['output'];
  /**
   * The caller's own registration for this event; null when they have none, and
   * for API-key callers. In the result of registerForEvent and
   * cancelRegistration: the registration as that mutation left it (CANCELLED
   * after a cancellation). Subscriptions cannot select it: it belongs to the
   * caller, not to the event.
   */
  myRegistration: Maybe<Registration>;
  /** Who runs the event: 1 to 200 characters. */
  organizer: Scalars['String']['output'];
  /** The signed-in user who created the event (their Cognito `sub`). Only they and admins may change or delete it. */
  ownerId: Scalars['ID']['output'];
  /**
   * The status before the change a mutation result reports (updateEvent: the
   * status it was read with); null for a new event and in query results.
   * onEventPublished uses it to tell an event entering PUBLISHED from an edit of
   * a published one.
   */
  previousStatus: Maybe<EventStatus>;
  /** Seats left: capacity minus confirmedCount, never negative. */
  remaining: Scalars['Int']['output'];
  /** Where the event is in its lifecycle (see EventStatus). */
  status: EventStatus;
  /** Name of the event: 1 to 200 characters. */
  title: Scalars['String']['output'];
  /** When the event was last changed (UTC). */
  updatedAt: Scalars['AWSDateTime']['output'];
  /** Starts at 1 and grows by 1 on every change; pass it as expectedVersion to update or delete safely. */
  version: Scalars['Int']['output'];
  /** How many registrations wait for a seat (WAITLISTED). */
  waitlistCount: Scalars['Int']['output'];
};

/** One page of events. */
export type EventConnection = {
  __typename?: 'EventConnection';
  /** The events on this page. */
  items: Array<Event>;
  /** Pass this as nextToken to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** Narrows listEvents. All given conditions must hold. */
export type EventFilter = {
  /** Only events on or after this moment (ISO 8601 date or date-time). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Only events run by this organizer (exact match); results come sorted by date. */
  organizer?: InputMaybe<Scalars['String']['input']>;
  /** Only events with this status; results come sorted by date. */
  status?: InputMaybe<EventStatus>;
  /** Only events on or before this moment (ISO 8601 date or date-time); a plain date includes that whole day (UTC). */
  to?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Where an event is in its life.
 *
 * The lifecycle is DRAFT → PUBLISHED → ACTIVE → COMPLETED. Any state except
 * COMPLETED and CANCELLED may also go to CANCELLED. COMPLETED and CANCELLED are
 * final. Every other change of status fails with errorType
 * `InvalidTransitionError`; the rule is checked by DynamoDB as part of the write,
 * so it holds when two clients update the same event at once.
 */
export type EventStatus =
  /** Happening now. */
  | 'ACTIVE'
  /** Called off. Final. */
  | 'CANCELLED'
  /** Over. Final. */
  | 'COMPLETED'
  /** Being prepared; the default for new events. */
  | 'DRAFT'
  /** Announced and open to the public. */
  | 'PUBLISHED';

/** Whether the API can serve requests. */
export type Health = {
  __typename?: 'Health';
  /** When the check ran (UTC). */
  checkedAt: Scalars['AWSDateTime']['output'];
  /** Whether the database answered a read. */
  database: DatabaseHealth;
  /** OK when the database answered, otherwise DEGRADED. */
  status: HealthStatus;
  /** The API's version. */
  version: Scalars['String']['output'];
};

/** Overall health. */
export type HealthStatus =
  | 'DEGRADED'
  | 'OK';

/**
 * Writes. Every mutation needs a signed-in user (a Cognito user pool token in
 * the `Authorization` header); an API key alone is refused with errorType
 * `Unauthorized`. An event belongs to the user who created it: only they, or a
 * member of the `admins` group, may update or delete it.
 *
 * Every mutation result is nullable: a field that fails is null with its error
 * in `errors`, and the other fields of the same request keep their results, so
 * a created event's eventId is never lost because a sibling failed (a failing
 * non-null field would null the whole `data`, per the GraphQL specification's
 * "Handling Field Errors"). A field that failed changed nothing, except after
 * InternalError, which means "in doubt": the write may have been stored.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Gives up the caller's seat or waitlist place. Returns the event, its seats
   * after the change, and the registration as CANCELLED in `myRegistration`. A
   * freed seat goes to the first in the waitlist in the same transaction.
   */
  cancelRegistration: Maybe<Event>;
  /**
   * Creates an event (status DRAFT unless PUBLISHED is asked for) with version 1.
   * With a clientToken (1 to 64 characters), a retry with the same token and
   * input within 24 hours returns the first result and creates nothing; the same
   * token with other input fails with IdempotencyConflictError.
   */
  createEvent: Maybe<Event>;
  /**
   * Deletes an event and returns it. With expectedVersion, fails with
   * ConflictError when the event's version differs. Fails with NotFoundError when
   * there is no such event.
   */
  deleteEvent: Maybe<Event>;
  /**
   * Takes a seat at a PUBLISHED or ACTIVE event for the caller: CONFIRMED while
   * seats are left, otherwise WAITLISTED with a position. Returns the event, its
   * seats after the change, and the registration in `myRegistration`.
   * Registering again returns the existing registration. clientToken works as
   * for createEvent.
   */
  registerForEvent: Maybe<Event>;
  /**
   * Changes the given fields of an event and adds 1 to its version. With
   * expectedVersion, fails with ConflictError (changing nothing) when the event's
   * version differs. Fails with NotFoundError when there is no such event.
   */
  updateEvent: Maybe<Event>;
};


/**
 * Writes. Every mutation needs a signed-in user (a Cognito user pool token in
 * the `Authorization` header); an API key alone is refused with errorType
 * `Unauthorized`. An event belongs to the user who created it: only they, or a
 * member of the `admins` group, may update or delete it.
 *
 * Every mutation result is nullable: a field that fails is null with its error
 * in `errors`, and the other fields of the same request keep their results, so
 * a created event's eventId is never lost because a sibling failed (a failing
 * non-null field would null the whole `data`, per the GraphQL specification's
 * "Handling Field Errors"). A field that failed changed nothing, except after
 * InternalError, which means "in doubt": the write may have been stored.
 */
export type MutationCancelRegistrationArgs = {
  eventId: Scalars['ID']['input'];
};


/**
 * Writes. Every mutation needs a signed-in user (a Cognito user pool token in
 * the `Authorization` header); an API key alone is refused with errorType
 * `Unauthorized`. An event belongs to the user who created it: only they, or a
 * member of the `admins` group, may update or delete it.
 *
 * Every mutation result is nullable: a field that fails is null with its error
 * in `errors`, and the other fields of the same request keep their results, so
 * a created event's eventId is never lost because a sibling failed (a failing
 * non-null field would null the whole `data`, per the GraphQL specification's
 * "Handling Field Errors"). A field that failed changed nothing, except after
 * InternalError, which means "in doubt": the write may have been stored.
 */
export type MutationCreateEventArgs = {
  clientToken: InputMaybe<Scalars['String']['input']>;
  input: CreateEventInput;
};


/**
 * Writes. Every mutation needs a signed-in user (a Cognito user pool token in
 * the `Authorization` header); an API key alone is refused with errorType
 * `Unauthorized`. An event belongs to the user who created it: only they, or a
 * member of the `admins` group, may update or delete it.
 *
 * Every mutation result is nullable: a field that fails is null with its error
 * in `errors`, and the other fields of the same request keep their results, so
 * a created event's eventId is never lost because a sibling failed (a failing
 * non-null field would null the whole `data`, per the GraphQL specification's
 * "Handling Field Errors"). A field that failed changed nothing, except after
 * InternalError, which means "in doubt": the write may have been stored.
 */
export type MutationDeleteEventArgs = {
  eventId: Scalars['ID']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Writes. Every mutation needs a signed-in user (a Cognito user pool token in
 * the `Authorization` header); an API key alone is refused with errorType
 * `Unauthorized`. An event belongs to the user who created it: only they, or a
 * member of the `admins` group, may update or delete it.
 *
 * Every mutation result is nullable: a field that fails is null with its error
 * in `errors`, and the other fields of the same request keep their results, so
 * a created event's eventId is never lost because a sibling failed (a failing
 * non-null field would null the whole `data`, per the GraphQL specification's
 * "Handling Field Errors"). A field that failed changed nothing, except after
 * InternalError, which means "in doubt": the write may have been stored.
 */
export type MutationRegisterForEventArgs = {
  clientToken: InputMaybe<Scalars['String']['input']>;
  eventId: Scalars['ID']['input'];
};


/**
 * Writes. Every mutation needs a signed-in user (a Cognito user pool token in
 * the `Authorization` header); an API key alone is refused with errorType
 * `Unauthorized`. An event belongs to the user who created it: only they, or a
 * member of the `admins` group, may update or delete it.
 *
 * Every mutation result is nullable: a field that fails is null with its error
 * in `errors`, and the other fields of the same request keep their results, so
 * a created event's eventId is never lost because a sibling failed (a failing
 * non-null field would null the whole `data`, per the GraphQL specification's
 * "Handling Field Errors"). A field that failed changed nothing, except after
 * InternalError, which means "in doubt": the write may have been stored.
 */
export type MutationUpdateEventArgs = {
  eventId: Scalars['ID']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
  input: UpdateEventInput;
};

/**
 * Reads. The API key (`x-api-key`) sees published events only; a signed-in user
 * (Cognito token in `Authorization`) also sees their own drafts, and admins see
 * every event.
 */
export type Query = {
  __typename?: 'Query';
  /** One event by id; null when there is none, or when it is a draft the caller may not see. */
  getEvent: Maybe<Event>;
  /** Proves the API and its database are reachable. Made for monitors. */
  health: Health;
  /**
   * A page of events the caller may see, sorted by date. `limit` defaults to 20
   * and may be 1 to 100; pass the returned nextToken to get the next page. A
   * page may hold fewer than `limit` events while nextToken is not null (drafts
   * the caller may not see, or organizer and status filters combined, are
   * skipped after reading): keep following nextToken until it is null.
   */
  listEvents: EventConnection;
  /**
   * An event's registrations, for its owner and admins only. With status
   * WAITLISTED they come in waitlist order (position 1 first); otherwise in the
   * order of user ids. `limit` defaults to 20 and may be 1 to 50.
   */
  listRegistrations: RegistrationConnection;
};


/**
 * Reads. The API key (`x-api-key`) sees published events only; a signed-in user
 * (Cognito token in `Authorization`) also sees their own drafts, and admins see
 * every event.
 */
export type QueryGetEventArgs = {
  eventId: Scalars['ID']['input'];
};


/**
 * Reads. The API key (`x-api-key`) sees published events only; a signed-in user
 * (Cognito token in `Authorization`) also sees their own drafts, and admins see
 * every event.
 */
export type QueryListEventsArgs = {
  filter: InputMaybe<EventFilter>;
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
};


/**
 * Reads. The API key (`x-api-key`) sees published events only; a signed-in user
 * (Cognito token in `Authorization`) also sees their own drafts, and admins see
 * every event.
 */
export type QueryListRegistrationsArgs = {
  eventId: Scalars['ID']['input'];
  limit: InputMaybe<Scalars['Int']['input']>;
  nextToken: InputMaybe<Scalars['String']['input']>;
  status: InputMaybe<RegistrationStatus>;
};

/** A signed-in user's place at an event. */
export type Registration = {
  __typename?: 'Registration';
  /** When the user registered (UTC). */
  createdAt: Scalars['AWSDateTime']['output'];
  /** The event registered for. */
  eventId: Scalars['ID']['output'];
  /** Place in the waitlist, 1 being next in line; null unless WAITLISTED. */
  position: Maybe<Scalars['Int']['output']>;
  status: RegistrationStatus;
  /** When the status last changed (UTC). */
  updatedAt: Scalars['AWSDateTime']['output'];
  /** The registered user (their Cognito `sub`). */
  userId: Scalars['ID']['output'];
};

/** One page of registrations. */
export type RegistrationConnection = {
  __typename?: 'RegistrationConnection';
  /** The registrations on this page. */
  items: Array<Registration>;
  /** Pass this as nextToken to get the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** Where a registration stands. */
export type RegistrationStatus =
  /** Given up by its user (only ever returned by cancelRegistration: a cancelled registration is removed). */
  | 'CANCELLED'
  /** Holds a seat. */
  | 'CONFIRMED'
  /** Waits for a seat; takes the first one freed, first come first served. */
  | 'WAITLISTED';

/**
 * Live updates over AppSync's real-time WebSocket endpoint (see
 * docs/subscriptions.md). A subscriber receives the fields it selected of the
 * result of each mutation named below, and only those the mutation itself
 * selected: mutations that feed a subscription must select every field its
 * subscribers may select, with eventId, status, ownerId, version,
 * previousStatus, deletedAt and organizer among them (the filters read them). Drafts
 * reach only their owner and admins.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * One event after every change: updates (status included), every
   * registration or cancellation (confirmedCount, waitlistCount, remaining),
   * and its deletion (deletedAt set), after which the subscription ends.
   */
  onEventChanged: Maybe<Event>;
  /** Events entering PUBLISHED (created as PUBLISHED, or moved there from DRAFT), optionally of one organizer. */
  onEventPublished: Maybe<Event>;
};


/**
 * Live updates over AppSync's real-time WebSocket endpoint (see
 * docs/subscriptions.md). A subscriber receives the fields it selected of the
 * result of each mutation named below, and only those the mutation itself
 * selected: mutations that feed a subscription must select every field its
 * subscribers may select, with eventId, status, ownerId, version,
 * previousStatus, deletedAt and organizer among them (the filters read them). Drafts
 * reach only their owner and admins.
 */
export type SubscriptionOnEventChangedArgs = {
  eventId: Scalars['ID']['input'];
};


/**
 * Live updates over AppSync's real-time WebSocket endpoint (see
 * docs/subscriptions.md). A subscriber receives the fields it selected of the
 * result of each mutation named below, and only those the mutation itself
 * selected: mutations that feed a subscription must select every field its
 * subscribers may select, with eventId, status, ownerId, version,
 * previousStatus, deletedAt and organizer among them (the filters read them). Drafts
 * reach only their owner and admins.
 */
export type SubscriptionOnEventPublishedArgs = {
  organizer: InputMaybe<Scalars['String']['input']>;
};

/** The fields to change; fields left out keep their value. At least one is required. */
export type UpdateEventInput = {
  /** An integer from 1 to 100,000. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** A real calendar date or date-time in ISO 8601; stored in UTC. */
  date?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 2,000 characters after trimming. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 500 characters after trimming. */
  location?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters after trimming. */
  organizer?: InputMaybe<Scalars['String']['input']>;
  /** The next status; must be an allowed transition (see EventStatus). */
  status?: InputMaybe<EventStatus>;
  /** 1 to 200 characters after trimming. */
  title?: InputMaybe<Scalars['String']['input']>;
};
