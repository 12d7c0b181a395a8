import { EVENT_INPUT, graphql } from './chaos-client.ts';

// Lost updates under conflicting writes: `writers` concurrent updates of one
// event, first all with the same expectedVersion (exactly one may win), then
// without (each acknowledged one must bump the version once). An update the
// API acknowledged whose version bump is missing from the stored event is
// lost.

const UPDATE = `mutation($eventId: ID!, $capacity: Int!, $expectedVersion: Int) {
  updateEvent(eventId: $eventId, input: { capacity: $capacity }, expectedVersion: $expectedVersion) { version capacity }
}`;
const GET = 'query($eventId: ID!) { getEvent(eventId: $eventId) { version capacity } }';

export interface ConflictFigures {
  writes: number;
  acknowledged: number;
  conflicts: number;
  otherErrors: number;
  lostUpdates: number;
}

export async function conflictingWrites(
  url: string,
  headers: Record<string, string>,
  { rounds, writers }: { rounds: number; writers: number },
): Promise<ConflictFigures> {
  const figures: ConflictFigures = { writes: 0, acknowledged: 0, conflicts: 0, otherErrors: 0, lostUpdates: 0 };
  for (let round = 0; round < rounds; round += 1) {
    const created = await graphql(url, headers, 'mutation($input: CreateEventInput!) { createEvent(input: $input) { eventId } }', {
      input: EVENT_INPUT,
    });
    const eventId = created.body?.data?.createEvent.eventId;
    for (const expectedVersion of [1, null]) {
      const before = (await graphql(url, headers, GET, { eventId })).body!.data!.getEvent.version as number;
      const outcomes = await Promise.all(
        Array.from({ length: writers }, (_, writer) =>
          graphql(url, headers, UPDATE, { eventId, capacity: writer + 1, expectedVersion }),
        ),
      );
      const acknowledged = outcomes.filter((outcome) => outcome.body?.data?.updateEvent);
      const conflicts = outcomes.filter((outcome) => outcome.body?.errors?.[0]?.errorType === 'ConflictError');
      const after = (await graphql(url, headers, GET, { eventId })).body!.data!.getEvent.version as number;
      figures.writes += writers;
      figures.acknowledged += acknowledged.length;
      figures.conflicts += conflicts.length;
      figures.otherErrors += writers - acknowledged.length - conflicts.length;
      figures.lostUpdates += Math.max(0, acknowledged.length - (after - before));
    }
  }
  return figures;
}
