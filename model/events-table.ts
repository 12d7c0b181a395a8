// The events table's keys and indexes, defined once. The CDK stack builds the
// cloud table from this and the local runtime creates DynamoDB Local's table
// from it, so the two cannot drift.

export type KeyAttributeType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  type: KeyAttributeType;
}

export interface GlobalSecondaryIndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDefinition {
  /** logical name: the data source's name and the local table's default name */
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes: GlobalSecondaryIndexDefinition[];
}

/**
 * Dates are stored as UTC ISO 8601 strings of fixed width
 * (`2025-06-01T18:30:00.000Z`), so the indexes' string sort keys order events
 * chronologically. Listing by status or organizer is then a `Query` on an
 * index, reading only matching items, never a scan plus filter.
 */
export const eventsTable: TableDefinition = {
  name: 'events',
  partitionKey: { name: 'eventId', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: 'byStatusAndDate',
      partitionKey: { name: 'status', type: 'S' },
      sortKey: { name: 'date', type: 'S' },
    },
    {
      indexName: 'byOrganizerAndDate',
      partitionKey: { name: 'organizer', type: 'S' },
      sortKey: { name: 'date', type: 'S' },
    },
  ],
};
