import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../model/api-settings.ts';
import { eventsTable } from '../model/events-table.ts';
import { registrationsTable } from '../model/registrations-table.ts';
import { EventsTable } from './events-table.ts';
import { createInfraTestBed, type InfraTestBed } from './test-support.ts';

let bed: InfraTestBed;
let dev: Template;
beforeAll(async () => {
  bed = await createInfraTestBed();
  dev = synthTable('dev');
});
afterAll(() => bed.cleanup());

function synthTable(stage: Stage): Template {
  const stack = bed.stack();
  new EventsTable(stack, 'Events', { stage });
  return Template.fromStack(stack);
}

function keySchema(partitionKey: string, sortKey?: string) {
  return [
    { AttributeName: partitionKey, KeyType: 'HASH' },
    ...(sortKey ? [{ AttributeName: sortKey, KeyType: 'RANGE' }] : []),
  ];
}

describe('EventsTable', () => {
  it('has the partition key of the shared definition', () => {
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: keySchema(eventsTable.partitionKey.name, eventsTable.sortKey?.name),
    });
  });

  it('has every global secondary index of the shared definition, projecting all attributes', () => {
    const indexes = eventsTable.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: keySchema(index.partitionKey.name, index.sortKey?.name),
      Projection: { ProjectionType: 'ALL' },
    }));
    dev.hasResourceProperties('AWS::DynamoDB::Table', { GlobalSecondaryIndexes: indexes });
  });

  it('declares the type of every key attribute as the shared definition does', () => {
    const keys = [
      eventsTable.partitionKey,
      ...eventsTable.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ];
    const expected = new Map(keys.filter((key) => key !== undefined).map((key) => [key.name, key.type]));
    const table = Object.values(dev.findResources('AWS::DynamoDB::Table'))[0];
    const declared = new Map(
      table.Properties.AttributeDefinitions.map((a: { AttributeName: string; AttributeType: string }) => [
        a.AttributeName,
        a.AttributeType,
      ]),
    );
    expect(declared).toEqual(expected);
  });

  it('bills per request, keeps point-in-time recovery and encrypts with the AWS-managed key', () => {
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      // SSEEnabled without a KMSMasterKeyId is the AWS-managed key (aws/dynamodb).
      SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
    });
  });

  it('in dev is deleted with the stack and not deletion-protected', () => {
    dev.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('in prod is retained and deletion-protected', () => {
    synthTable('prod').hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });
});

describe('EventsTable with the registrations definition', () => {
  // a second table, not a sort key on the events table: CloudFormation replaces a table whose key schema changes
  it('is keyed by pk and sk, with the clientToken records expiring through TTL', () => {
    const stack = bed.stack();
    new EventsTable(stack, 'Registrations', { stage: 'prod', definition: registrationsTable });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: keySchema('pk', 'sk'),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('leaves the events table as it was: keyed by eventId alone, without TTL', () => {
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: keySchema('eventId'),
      TimeToLiveSpecification: Match.absent(),
    });
  });
});
