// A DynamoDB table as an API declares it: the keys and global secondary
// indexes the local runtime creates in DynamoDB Local.

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
  /** the attribute (epoch seconds) whose items DynamoDB's TTL deletes once past */
  timeToLiveAttribute?: string;
}
