// The registration operations a frontend sends, written once for every integration test.

export const REGISTRATION_FIELDS = 'eventId userId status position createdAt updatedAt';

/**
 * What registerForEvent and cancelRegistration return: the event with its
 * seats after the change, and the caller's registration as the mutation left it.
 */
export const SEATS_AND_REGISTRATION = `eventId capacity confirmedCount waitlistCount remaining myRegistration { ${REGISTRATION_FIELDS} }`;

export const REGISTER = `
  mutation Register($eventId: ID!, $clientToken: String) {
    registerForEvent(eventId: $eventId, clientToken: $clientToken) { ${SEATS_AND_REGISTRATION} }
  }`;

export const CANCEL_REGISTRATION = `
  mutation Cancel($eventId: ID!) {
    cancelRegistration(eventId: $eventId) { ${SEATS_AND_REGISTRATION} }
  }`;

export const LIST_REGISTRATIONS = `
  query Registrations($eventId: ID!, $status: RegistrationStatus, $limit: Int, $nextToken: String) {
    listRegistrations(eventId: $eventId, status: $status, limit: $limit, nextToken: $nextToken) {
      items { ${REGISTRATION_FIELDS} }
      nextToken
    }
  }`;

export const EVENT_SEATS = `
  query Seats($eventId: ID!) {
    getEvent(eventId: $eventId) {
      capacity confirmedCount waitlistCount remaining
      myRegistration { ${REGISTRATION_FIELDS} }
    }
  }`;
