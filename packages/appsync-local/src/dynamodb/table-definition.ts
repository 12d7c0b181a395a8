// A DynamoDB table as an API declares it: the keys, secondary indexes and
// TTL attribute the local runtime creates in DynamoDB Local.

export type KeyAttributeType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  type: KeyAttributeType;
}

/**
 * Which attributes an index holds besides the keys; default ALL.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
 */
export type IndexProjection =
  | { type: 'ALL' | 'KEYS_ONLY' }
  | { type: 'INCLUDE'; nonKeyAttributes: string[] };

export interface GlobalSecondaryIndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  projection?: IndexProjection;
}

/** A local secondary index: the table's partition key with another sort key. DynamoDB creates them only with the table. */
export interface LocalSecondaryIndexDefinition {
  indexName: string;
  sortKey: KeyAttribute;
  projection?: IndexProjection;
}

export interface TableDefinition {
  /** logical name: the data source's name and the local table's default name */
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes: GlobalSecondaryIndexDefinition[];
  localSecondaryIndexes?: LocalSecondaryIndexDefinition[];
  /** the attribute (epoch seconds) whose items DynamoDB's TTL deletes once past */
  timeToLiveAttribute?: string;
}
