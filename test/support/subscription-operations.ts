// The subscriptions a frontend sends, and mutations that select what their
// subscribers read: AppSync sends a subscriber only the fields the mutation
// selected, and its filters read eventId, status, ownerId, organizer, version
// and previousStatus.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html

/** What a subscriber to an event's changes reads; every feeding mutation selects it all. */
export const EVENT_CHANGE_FIELDS = `
  eventId title organizer status ownerId version previousStatus deletedAt updatedAt
  capacity confirmedCount waitlistCount remaining
`;

export const ON_EVENT_CHANGED = `
  subscription OnEventChanged($eventId: ID!) {
    onEventChanged(eventId: $eventId) { ${EVENT_CHANGE_FIELDS} }
  }`;

export const ON_EVENT_PUBLISHED = `
  subscription OnEventPublished($organizer: String) {
    onEventPublished(organizer: $organizer) { ${EVENT_CHANGE_FIELDS} }
  }`;

export const CREATE_FOR_SUBSCRIBERS = `
  mutation Create($input: CreateEventInput!) {
    createEvent(input: $input) { ${EVENT_CHANGE_FIELDS} }
  }`;

export const UPDATE_FOR_SUBSCRIBERS = `
  mutation Update($eventId: ID!, $input: UpdateEventInput!) {
    updateEvent(eventId: $eventId, input: $input) { ${EVENT_CHANGE_FIELDS} }
  }`;

export const DELETE_FOR_SUBSCRIBERS = `
  mutation Delete($eventId: ID!) {
    deleteEvent(eventId: $eventId) { ${EVENT_CHANGE_FIELDS} }
  }`;

export const REGISTER_FOR_SUBSCRIBERS = `
  mutation Register($eventId: ID!) {
    registerForEvent(eventId: $eventId) { ${EVENT_CHANGE_FIELDS} myRegistration { status } }
  }`;

export const CANCEL_FOR_SUBSCRIBERS = `
  mutation Cancel($eventId: ID!) {
    cancelRegistration(eventId: $eventId) { ${EVENT_CHANGE_FIELDS} myRegistration { status } }
  }`;
