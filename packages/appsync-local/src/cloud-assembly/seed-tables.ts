import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { toAttributeMap } from '../dynamodb/attribute-values.ts';
import { toMapValues } from '../runtime/util/dynamodb-values.ts';
import { UsageError } from './pick-api.ts';
import type { AssemblyTable } from './table-resources.ts';

// `--seed TABLE=FILE.json`: items put into a table before the API serves.
// FILE holds a JSON array of items in plain JSON (`[{ "id": "1", "n": 2 }]`),
// converted as `util.dynamodb.toMapValues` converts them (strings S,
// numbers N, booleans BOOL, null NULL, arrays L, objects M). An item with
// the key of a stored one replaces it, so seeding twice leaves one copy.

export interface Seed {
  /** the table's logical id or its name */
  table: string;
  file: string;
}

/** DynamoDB's limit for one BatchWriteItem. */
const BATCH_SIZE = 25;

/** Parses `TABLE=FILE.json`. */
export function parseSeed(option: string): Seed {
  const separator = option.indexOf('=');
  if (separator <= 0 || separator === option.length - 1) {
    throw new UsageError(`--seed ${option}: expected TABLE=FILE.json`);
  }
  return { table: option.slice(0, separator), file: option.slice(separator + 1) };
}

function itemsOf(file: string): Record<string, unknown>[] {
  let items: unknown;
  try {
    items = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--seed ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
    throw new UsageError(`--seed ${file}: expected a JSON array of items (objects)`);
  }
  return items as Record<string, unknown>[];
}

/** The table a seed names, among the tables the API reaches. */
export function seedTable(seed: Seed, tables: AssemblyTable[]): AssemblyTable {
  const table = tables.find((candidate) => candidate.logicalId === seed.table || candidate.tableName === seed.table);
  if (!table) {
    const known = tables.map((candidate) => `${candidate.logicalId} (${candidate.tableName})`).join(', ');
    throw new UsageError(`--seed ${seed.table}: the API has no such table; its tables: ${known || 'none'}`);
  }
  return table;
}

/** Puts the seed's items into `tableName`, 25 a request, retrying what DynamoDB leaves unprocessed. */
export async function seedItems(client: DynamoDBClient, tableName: string, file: string): Promise<number> {
  const items = itemsOf(file);
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    let requests: WriteRequest[] = items.slice(start, start + BATCH_SIZE).map((item, index) => ({
      PutRequest: { Item: toAttributeMap(toMapValues(item), `${file}[${start + index}]`) },
    }));
    while (requests.length > 0) {
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
      requests = result.UnprocessedItems?.[tableName] ?? [];
    }
  }
  return items.length;
}
