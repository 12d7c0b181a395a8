import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCloudAssembly } from './load-assembly.ts';
import { assemblyTables } from './table-resources.ts';

// The synthesized all-features app (test-fixtures/all-features/app.ts): a
// Stage, nested stacks with parameters and outputs, a GlobalTable exported
// to another stack, a condition.

const ASSEMBLY = fileURLToPath(new URL('../test-fixtures/all-features/cdk.out', import.meta.url));

describe('loading a cloud assembly', () => {
  const assembly = loadCloudAssembly(ASSEMBLY);
  const stack = (name: string) => assembly.stacks.find((candidate) => candidate.name === name)!;

  it('finds the top-level stacks, those of its Stages, and their nested stacks, named as CDK displays them', () => {
    expect(assembly.stacks.map(({ name, stackName }) => [name, stackName])).toEqual([
      ['Beta/Api', 'Beta-Api'],
      ['Beta/Api/TablesNestedStackTablesNestedStackResource7FF045E1', 'Beta-Api-TablesNestedStackTablesNestedStackResource7FF045E1'],
      ['Beta/Api/StatusNestedStackStatusNestedStackResource166884AB', 'Beta-Api-StatusNestedStackStatusNestedStackResource166884AB'],
      ['Shared', 'Shared'],
    ]);
  });

  it('passes a nested stack the parameters its parent gives and reads its outputs back', () => {
    const tables = assembly.stacks[1];
    expect(tables.scope.ref('TablePrefix')).toBe('Beta-Api');
    expect(stack('Beta/Api').property('PostsImportedPostsSource0419C47C', 'DynamoDBConfig')).toEqual({
      AwsRegion: 'us-east-1',
      TableName: 'Beta-Api-posts',
    });
  });

  it('resolves Fn::ImportValue against the exports of the other stacks, and conditions', () => {
    const api = stack('Beta/Api');
    expect(api.property('PostsApiB6037EEB', 'EnvironmentVariables')).toEqual({
      POSTS_TABLE: 'Beta-Api-posts',
      GREETING: 'hello from Shared',
      FLAVOUR: 'beta flavour',
    });
    expect(api.property('PostsImportedNotesSource6F4C4F14', 'DynamoDBConfig')).toMatchObject({ TableName: 'Shared-Notes5BB3582F' });
    expect(api.scope.condition('IsBeta')).toBe(true);
  });

  it('gives pseudo parameters their local values, the stack name its own', () => {
    const { scope } = stack('Beta/Api');
    expect(['AWS::Region', 'AWS::AccountId', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::StackName'].map(scope.ref)).toEqual([
      'us-east-1',
      '000000000000',
      'aws',
      'amazonaws.com',
      'Beta-Api',
    ]);
  });

  it("reads tables and GlobalTables with keys, local and global indexes, projections and TTL", () => {
    expect(assemblyTables(assembly).map(({ where, tableName, definition }) => ({ where, tableName, definition }))).toEqual([
      {
        where: 'Beta/Api/TablesNestedStackTablesNestedStackResource7FF045E1/Posts868B3EAD',
        tableName: 'Beta-Api-posts',
        definition: {
          name: 'Beta-Api-posts',
          partitionKey: { name: 'author', type: 'S' },
          sortKey: { name: 'createdAt', type: 'S' },
          globalSecondaryIndexes: [
            { indexName: 'titles', partitionKey: { name: 'title', type: 'S' }, sortKey: undefined, projection: { type: 'KEYS_ONLY' } },
            {
              indexName: 'byDay',
              partitionKey: { name: 'day', type: 'S' },
              sortKey: { name: 'createdAt', type: 'S' },
              projection: { type: 'INCLUDE', nonKeyAttributes: ['title'] },
            },
          ],
          localSecondaryIndexes: [{ indexName: 'byTitle', sortKey: { name: 'title', type: 'S' }, projection: { type: 'ALL' } }],
          timeToLiveAttribute: 'expiresAt',
        },
      },
      {
        where: 'Shared/Notes5BB3582F',
        tableName: 'Shared-Notes5BB3582F',
        definition: {
          name: 'Shared-Notes5BB3582F',
          partitionKey: { name: 'id', type: 'S' },
          sortKey: undefined,
          globalSecondaryIndexes: [],
          timeToLiveAttribute: 'expiresAt',
        },
      },
    ]);
  });

  it('leaves out the resources whose condition does not hold', () => {
    const template = JSON.parse(readFileSync(`${ASSEMBLY}/Shared.template.json`, 'utf8'));
    expect(template.Resources.CDKMetadata.Condition).toBe('CDKMetadataAvailable');
    expect(stack('Shared').resources.has('CDKMetadata')).toBe(true);
  });
});
