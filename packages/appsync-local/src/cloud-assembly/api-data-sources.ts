import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DataSourceConfig } from '../start-appsync-api.ts';
import type { StackApi } from './api-from-stack.ts';

// The data sources of an API read from an assembly, as the local runtime
// connects them: each DynamoDB data source to its table in DynamoDB Local
// (created beforehand, see serve-assembly.ts), NONE as it is.

export interface DataSourceOptions {
  client: DynamoDBClient;
  /** a table's name in DynamoDB Local, from its name in the template */
  localTableName(tableName: string): string;
}

export function apiDataSources(api: StackApi, options: DataSourceOptions): DataSourceConfig[] {
  return [
    ...api.tables.map(
      ({ dataSource, table }): DataSourceConfig => ({
        type: 'AMAZON_DYNAMODB',
        name: dataSource,
        client: options.client,
        table,
        tableName: options.localTableName(table.name),
        ensureTable: false,
      }),
    ),
    ...api.noneDataSources.map((name): DataSourceConfig => ({ type: 'NONE', name })),
  ];
}
