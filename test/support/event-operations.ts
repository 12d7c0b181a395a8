// The operations a frontend sends, written once for every integration test.

export const EVENT_FIELDS = `
  eventId title description date location capacity organizer status ownerId createdAt updatedAt version
`;

export const CREATE_EVENT = `
  mutation Create($input: CreateEventInput!) {
    createEvent(input: $input) { ${EVENT_FIELDS} }
  }`;

export const GET_EVENT = `
  query Get($eventId: ID!) {
    getEvent(eventId: $eventId) { ${EVENT_FIELDS} }
  }`;

export const LIST_EVENTS = `
  query List($filter: EventFilter, $limit: Int, $nextToken: String) {
    listEvents(filter: $filter, limit: $limit, nextToken: $nextToken) {
      items { ${EVENT_FIELDS} }
      nextToken
    }
  }`;

export const UPDATE_EVENT = `
  mutation Update($eventId: ID!, $input: UpdateEventInput!, $expectedVersion: Int) {
    updateEvent(eventId: $eventId, input: $input, expectedVersion: $expectedVersion) { ${EVENT_FIELDS} }
  }`;

export const DELETE_EVENT = `
  mutation Delete($eventId: ID!, $expectedVersion: Int) {
    deleteEvent(eventId: $eventId, expectedVersion: $expectedVersion) { ${EVENT_FIELDS} }
  }`;

export const HEALTH = `
  query Health {
    health { status version checkedAt database { reachable latencyMs } }
  }`;

/** A valid event input; override what a test is about. */
export function eventInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Serverless meetup',
    description: 'Talks about AppSync and DynamoDB',
    date: '2025-06-01T18:30:00Z',
    location: 'Berlin',
    capacity: 120,
    organizer: 'Cloud Guild',
    ...overrides,
  };
}
