import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ReadMetrics } from 'appsync-local';
import { graphqlSender } from './load.ts';

// Section 1 of the benchmark: how many items DynamoDB reads to return one
// page of 20 PUBLISHED events, through the API (a Query on the status index)
// and by scanning with a filter, the naive way.

export const PAGE_SIZE = 20;

export const LIST_PUBLISHED = `query ($limit: Int) { listEvents(filter: { status: PUBLISHED }, limit: $limit) { items { eventId title date } nextToken } }`;

export interface ReadCount {
  itemsRead: number;
  itemsReturned: number;
  capacityUnits: number;
}

function sum(counts: readonly ReadCount[]): ReadCount {
  return counts.reduce(
    (total, read) => ({
      itemsRead: total.itemsRead + read.itemsRead,
      itemsReturned: total.itemsReturned + read.itemsReturned,
      capacityUnits: total.capacityUnits + read.capacityUnits,
    }),
    { itemsRead: 0, itemsReturned: 0, capacityUnits: 0 },
  );
}

/** Collects what the API's data source reports (startEventsApi's `onRead`), one request at a time. */
export function readRecorder() {
  const reads: ReadCount[] = [];
  return {
    onRead(metrics: ReadMetrics) {
      reads.push({
        itemsRead: metrics.scannedCount,
        itemsReturned: metrics.count,
        capacityUnits: metrics.consumedCapacityUnits ?? 0,
      });
    },
    /** the reads one page of listEvents made */
    async listThroughApi(url: string, headers: Record<string, string>): Promise<ReadCount> {
      reads.length = 0;
      await graphqlSender(url, headers, LIST_PUBLISHED, () => ({ limit: PAGE_SIZE }))();
      return sum(reads);
    },
  };
}

/** The baseline a naive list does: scan pages with a filter until a page's worth matched. */
export async function scanAndFilter(client: DynamoDBClient, tableName: string): Promise<ReadCount> {
  const pages: ReadCount[] = [];
  let startKey: Record<string, any> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': { S: 'PUBLISHED' } },
        Limit: PAGE_SIZE,
        ExclusiveStartKey: startKey,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    pages.push({
      itemsRead: page.ScannedCount ?? 0,
      itemsReturned: page.Count ?? 0,
      capacityUnits: page.ConsumedCapacity?.CapacityUnits ?? 0,
    });
    startKey = page.LastEvaluatedKey;
  } while (startKey && sum(pages).itemsReturned < PAGE_SIZE);
  return sum(pages);
}

export function itemsReadRow(events: number, viaApi: ReadCount, scanned: ReadCount) {
  return {
    events,
    'API items read/returned': `${viaApi.itemsRead}/${viaApi.itemsReturned}`,
    'API read per returned': (viaApi.itemsRead / viaApi.itemsReturned).toFixed(2),
    'API RCU': viaApi.capacityUnits.toFixed(1),
    'scan items read/returned': `${scanned.itemsRead}/${scanned.itemsReturned}`,
    'scan read per returned': (scanned.itemsRead / Math.max(1, scanned.itemsReturned)).toFixed(2),
    'scan RCU': scanned.capacityUnits.toFixed(1),
  };
}
