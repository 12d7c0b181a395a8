import { GetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { defaultRegistrationsTableName, EVENTS_USER_POOL, startEventsApi, type EventsApiOptions } from '../dev/events-api.ts';
import { percentile, runLoad } from './load.ts';
import { mintIdToken } from 'appsync-local';
import { temporaryUserPoolKeys } from 'appsync-local/testing';

// Section 3 of the benchmark: registerForEvent on one hot event, each
// request by another user, at growing concurrency; and the write units a
// registration and a cancellation cost, from the sizes of the items their
// transactions touch (DynamoDB charges 2 write units per KB and item in a
// transaction, ConditionCheck included; DynamoDB Local reports no capacity
// for transactions, so the sizes are measured and the rule applied).

const REGISTER = `mutation ($eventId: ID!) { registerForEvent(eventId: $eventId) { myRegistration { status position } } }`;
const CANCEL = `mutation ($eventId: ID!) { cancelRegistration(eventId: $eventId) { myRegistration { status } } }`;
const MY_REGISTRATION = `query ($eventId: ID!) { getEvent(eventId: $eventId) { myRegistration { userId } } }`;
const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { eventId } }`;

export interface RegistrationBenchOptions {
  apiOptions: EventsApiOptions;
  client: DynamoDBClient;
  /** registrations per concurrency level, each by a new user */
  requestsPerLevel: number;
  concurrencyLevels: number[];
}

type Send = (query: string, variables: object) => Promise<{ data?: any; errors?: { errorInfo?: { retryable?: boolean } }[] }>;

function sender(url: string, token: string): Send {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
}

/** DynamoDB's item size: attribute names plus values (numbers: about one byte per two digits, plus one). */
function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/[-.]/g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.M) return 3 + itemSize(value.M);
  if (value.L) return 3 + value.L.reduce((sum, entry) => sum + 1 + valueSize(entry), 0);
  return 0;
}

function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0);
}

/** Write units of a transaction touching items of these sizes. */
function transactionWriteUnits(sizes: number[]): number {
  return sizes.reduce((sum, size) => sum + 2 * Math.max(1, Math.ceil(size / 1024)), 0);
}

export async function benchRegistrations(options: RegistrationBenchOptions) {
  const userPool = await temporaryUserPoolKeys();
  const api = await startEventsApi({ ...options.apiOptions, userPoolKeys: userPool.keys });
  const url = `${api.url}/graphql`;
  const tokenFor = (username: string) => mintIdToken(userPool.keys, { username, pool: EVENTS_USER_POOL });
  const owner = sender(url, await tokenFor('bench-owner'));
  const newEvent = async (capacity: number) => {
    const input = {
      title: 'Hot event',
      description: 'Everyone wants a seat',
      date: '2026-06-01T18:00:00Z',
      location: 'Berlin',
      capacity,
      organizer: 'Bench',
      status: 'PUBLISHED',
    };
    return (await owner(CREATE, { input })).data.createEvent.eventId as string;
  };
  const stored = async (tableName: string, key: Record<string, AttributeValue>) =>
    (await options.client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item ?? {};
  try {
    const latencyRows = [];
    for (const concurrency of options.concurrencyLevels) {
      const eventId = await newEvent(100);
      const senders = await Promise.all(
        Array.from({ length: options.requestsPerLevel }, async (_, index) => sender(url, await tokenFor(`bench-${concurrency}-${index}`))),
      );
      let next = 0;
      let retries = 0;
      const samples = await runLoad(
        async () => {
          const send = senders[next];
          next += 1;
          for (;;) {
            const body = await send(REGISTER, { eventId });
            if (!body.errors) return;
            if (!body.errors.some((error) => error.errorInfo?.retryable)) {
              throw new Error(`registerForEvent failed: ${JSON.stringify(body.errors)}`);
            }
            retries += 1;
          }
        },
        { requests: options.requestsPerLevel, concurrency },
      );
      latencyRows.push({
        concurrency,
        requests: options.requestsPerLevel,
        'p50 ms': Number(percentile(samples.sortedDurationsMs, 0.5).toFixed(1)),
        'p99 ms': Number(percentile(samples.sortedDurationsMs, 0.99).toFixed(1)),
        'registrations/s': Number((options.requestsPerLevel / samples.elapsedSeconds).toFixed(1)),
        'retried (ConflictError)': retries,
      });
    }

    // write units: one confirmed, one waitlisted, then the confirmed one cancels and the waitlisted one is promoted
    const eventId = await newEvent(1);
    const first = sender(url, await tokenFor('units-1'));
    const second = sender(url, await tokenFor('units-2'));
    const registrations = defaultRegistrationsTableName(options.apiOptions.tableName);
    const eventSize = itemSize(await stored(options.apiOptions.tableName, { eventId: { S: eventId } }));
    await first(REGISTER, { eventId });
    await second(REGISTER, { eventId });
    const key = (sk: string) => ({ pk: { S: eventId }, sk: { S: sk } });
    const seatsSize = itemSize(await stored(registrations, key('SEATS')));
    const users = await Promise.all(
      [first, second].map(async (send) => {
        const body = await send(MY_REGISTRATION, { eventId });
        return body.data.getEvent.myRegistration.userId as string;
      }),
    );
    const confirmedSize = itemSize(await stored(registrations, key(`USER#${users[0]}`)));
    const waitlistedItem = await stored(registrations, key(`USER#${users[1]}`));
    const waitlistedSize = itemSize(waitlistedItem);
    const entrySize = itemSize(await stored(registrations, key(waitlistedItem.waitlistKey.S as string)));
    await first(CANCEL, { eventId });
    const promotedSize = itemSize(await stored(registrations, key(`USER#${users[1]}`)));
    const unitRows = [
      { operation: 'registerForEvent → CONFIRMED', 'items in the transaction': 3, 'write units': transactionWriteUnits([confirmedSize, eventSize, seatsSize]) },
      { operation: 'registerForEvent → WAITLISTED', 'items in the transaction': 4, 'write units': transactionWriteUnits([waitlistedSize, eventSize, seatsSize, entrySize]) },
      { operation: 'registerForEvent with a clientToken', 'items in the transaction': '+1', 'write units': '+2 (record < 1 KB)' },
      { operation: 'cancelRegistration, first in line promoted', 'items in the transaction': 4, 'write units': transactionWriteUnits([confirmedSize, Math.max(waitlistedSize, promotedSize), entrySize, seatsSize]) },
      { operation: 'cancelRegistration, nobody waiting', 'items in the transaction': 2, 'write units': transactionWriteUnits([confirmedSize, seatsSize]) },
      { operation: 'cancelRegistration of a waitlist place', 'items in the transaction': 3, 'write units': transactionWriteUnits([waitlistedSize, entrySize, seatsSize]) },
    ];
    return { latencyRows, unitRows, itemSizes: { eventSize, seatsSize, confirmedSize, waitlistedSize, entrySize } };
  } finally {
    await api.close();
    await userPool.remove();
  }
}
