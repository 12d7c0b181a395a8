import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { EVENT_ITEM_TYPE } from '../model/events-table.ts';

// Events in the stored form the resolvers write, loaded with BatchWriteItem
// because creating 100,000 through the API would time the API, not the query.

const STATUSES = ['DRAFT', 'PUBLISHED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
const BATCH_SIZE = 25;
const PARALLEL_BATCHES = 4;
const DAY_MS = 86_400_000;

/** One in five events is PUBLISHED, spread over ten years of dates. */
export function benchEvent(index: number) {
  const date = new Date(Date.UTC(2020, 0, 1) + ((index * 7919) % 3650) * DAY_MS).toISOString();
  return {
    eventId: randomUUID(),
    itemType: EVENT_ITEM_TYPE,
    title: `Bench event ${index}`,
    description: 'Seeded by the benchmark',
    date,
    location: 'Loopback',
    capacity: 100,
    organizer: `Organizer ${index % 50}`,
    status: STATUSES[index % STATUSES.length],
    createdAt: date,
    updatedAt: date,
    version: 1,
  };
}

async function writeBatch(client: DynamoDBClient, tableName: string, requests: WriteRequest[]) {
  let pending = requests;
  for (let attempt = 0; pending.length > 0 && attempt < 10; attempt += 1) {
    const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
    pending = result.UnprocessedItems?.[tableName] ?? [];
  }
  if (pending.length > 0) {
    throw new Error(`${pending.length} seed items were never processed`);
  }
}

/** Adds events numbered from `from` up to `to` (exclusive). */
export async function seedEvents(client: DynamoDBClient, tableName: string, from: number, to: number) {
  const batches: WriteRequest[][] = [];
  for (let start = from; start < to; start += BATCH_SIZE) {
    const end = Math.min(start + BATCH_SIZE, to);
    batches.push(
      Array.from({ length: end - start }, (_, offset) => ({
        PutRequest: { Item: marshall(benchEvent(start + offset)) },
      })),
    );
  }
  for (let next = 0; next < batches.length; next += PARALLEL_BATCHES) {
    await Promise.all(batches.slice(next, next + PARALLEL_BATCHES).map((batch) => writeBatch(client, tableName, batch)));
  }
}
