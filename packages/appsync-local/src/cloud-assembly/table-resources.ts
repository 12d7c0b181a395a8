import type {
  IndexProjection,
  KeyAttribute,
  LocalSecondaryIndexDefinition,
  TableDefinition,
} from '../dynamodb/table-definition.ts';
import type { LoadedAssembly, LoadedStack } from './load-assembly.ts';

// The DynamoDB tables of an assembly, as the local runtime creates them:
// `AWS::DynamoDB::Table` and `AWS::DynamoDB::GlobalTable` (one local table
// stands for all its replicas), with their keys, indexes, projections and
// TTL, each under its stand-in physical name (what `Ref` gives).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-globaltable.html

type Properties = Record<string, unknown>;

const TABLE_TYPES = new Set(['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable']);

export interface AssemblyTable {
  /** where it is defined, e.g. `Prod/Api/PostsTable1234` */
  where: string;
  logicalId: string;
  /** its name in DynamoDB Local: the template's TableName, else `<stack>-<logicalId>` */
  tableName: string;
  definition: TableDefinition;
}

interface KeySchemaElement {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}

interface IndexProperties {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection?: { ProjectionType?: IndexProjection['type']; NonKeyAttributes?: string[] };
}

function keyAttribute(properties: Properties, keySchema: KeySchemaElement[], keyType: string): KeyAttribute | undefined {
  const element = keySchema.find((key) => key.KeyType === keyType);
  if (!element) {
    return undefined;
  }
  const definitions = (properties.AttributeDefinitions ?? []) as { AttributeName: string; AttributeType: KeyAttribute['type'] }[];
  const type = definitions.find((definition) => definition.AttributeName === element.AttributeName)?.AttributeType ?? 'S';
  return { name: element.AttributeName, type };
}

/** CDK always writes a ProjectionType; an index without one is read as holding the keys only. */
function projectionOf(index: IndexProperties): IndexProjection {
  const type = index.Projection?.ProjectionType ?? 'KEYS_ONLY';
  return type === 'INCLUDE' ? { type, nonKeyAttributes: index.Projection?.NonKeyAttributes ?? [] } : { type };
}

/** The table's keys, indexes and TTL from its template properties. */
export function tableDefinition(name: string, properties: Properties): TableDefinition {
  const keySchema = properties.KeySchema as KeySchemaElement[];
  const globalIndexes = (properties.GlobalSecondaryIndexes ?? []) as IndexProperties[];
  const localIndexes = (properties.LocalSecondaryIndexes ?? []) as IndexProperties[];
  const ttl = properties.TimeToLiveSpecification as { AttributeName?: string; Enabled?: boolean } | undefined;
  return {
    name,
    partitionKey: keyAttribute(properties, keySchema, 'HASH')!,
    sortKey: keyAttribute(properties, keySchema, 'RANGE'),
    globalSecondaryIndexes: globalIndexes.map((index) => ({
      indexName: index.IndexName,
      partitionKey: keyAttribute(properties, index.KeySchema, 'HASH')!,
      sortKey: keyAttribute(properties, index.KeySchema, 'RANGE'),
      projection: projectionOf(index),
    })),
    ...(localIndexes.length > 0
      ? {
          localSecondaryIndexes: localIndexes.map(
            (index): LocalSecondaryIndexDefinition => ({
              indexName: index.IndexName,
              sortKey: keyAttribute(properties, index.KeySchema, 'RANGE')!,
              projection: projectionOf(index),
            }),
          ),
        }
      : {}),
    ...(ttl?.Enabled && ttl.AttributeName ? { timeToLiveAttribute: ttl.AttributeName } : {}),
  };
}

function tablesOf(stack: LoadedStack): AssemblyTable[] {
  return [...stack.resources]
    .filter(([, resource]) => TABLE_TYPES.has(resource.Type))
    .map(([logicalId]) => {
      const tableName = String(stack.scope.ref(logicalId));
      return {
        where: `${stack.name}/${logicalId}`,
        logicalId,
        tableName,
        definition: tableDefinition(tableName, stack.properties(logicalId)),
      };
    });
}

/** Every table of the assembly, nested stacks' and Stages' included. */
export function assemblyTables(assembly: LoadedAssembly): AssemblyTable[] {
  return assembly.stacks.flatMap(tablesOf);
}
