import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { Stage } from '../model/api-settings.ts';
import { eventsTable, type KeyAttribute, type TableDefinition } from '../model/events-table.ts';
import { stageRetention } from './stage-retention.ts';

export interface EventsTableProps {
  /** dev tables are deleted with the stack; prod tables are retained and deletion-protected */
  readonly stage: Stage;
  /**
   * Keys and indexes of the table.
   * @default eventsTable from model/events-table.ts, the definition the local runtime and the resolvers use
   */
  readonly definition?: TableDefinition;
}

const ATTRIBUTE_TYPES: Record<KeyAttribute['type'], dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
  B: dynamodb.AttributeType.BINARY,
};

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: ATTRIBUTE_TYPES[key.type] };
}

/**
 * The events table (or, given its definition, the registrations table), built
 * from the shared definition so that the cloud table, DynamoDB Local's table
 * and the index names in the resolvers cannot drift.
 * On-demand billing (traffic is spiky and small), point-in-time recovery and
 * encryption with the AWS-managed key, which needs no key policy of our own.
 */
export class EventsTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: EventsTableProps) {
    super(scope, id);
    const definition = props.definition ?? eventsTable;
    const retention = stageRetention(props.stage);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(definition.partitionKey),
      sortKey: definition.sortKey && attribute(definition.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: retention.deletionProtection,
      removalPolicy: retention.removalPolicy,
      timeToLiveAttribute: definition.timeToLiveAttribute,
    });
    for (const index of definition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey && attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
