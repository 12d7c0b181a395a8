import type { KeyAttribute, TableDefinition } from 'appsync-local/tables';

// The events table's keys and indexes, defined once. The CDK stack builds the
// cloud table from this, the local runtime creates DynamoDB Local's table from
// it, and the resolvers import the index names, so none of them can drift.

export type { KeyAttribute, TableDefinition };

export const INDEX_BY_STATUS = 'byStatusAndDate';
export const INDEX_BY_ORGANIZER = 'byOrganizerAndDate';
export const INDEX_BY_ITEM_TYPE = 'byItemTypeAndDate';

/**
 * Every event item carries `itemType: 'EVENT'`, the one partition key of the
 * index that lists all events by date. One partition caps that index at about
 * 1,000 writes a second, far beyond how fast events are created; in exchange
 * an unfiltered or date-range listing is a Query, never a Scan.
 */
export const EVENT_ITEM_TYPE = 'EVENT';

/**
 * Dates are stored as UTC ISO 8601 strings of fixed width
 * (`2025-06-01T18:30:00.000Z`), so the indexes' string sort keys order events
 * chronologically, and a page of N matching events reads N items.
 */
export const eventsTable: TableDefinition = {
  name: 'events',
  partitionKey: { name: 'eventId', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: INDEX_BY_STATUS,
      partitionKey: { name: 'status', type: 'S' },
      sortKey: { name: 'date', type: 'S' },
    },
    {
      indexName: INDEX_BY_ORGANIZER,
      partitionKey: { name: 'organizer', type: 'S' },
      sortKey: { name: 'date', type: 'S' },
    },
    {
      indexName: INDEX_BY_ITEM_TYPE,
      partitionKey: { name: 'itemType', type: 'S' },
      sortKey: { name: 'date', type: 'S' },
    },
  ],
};
