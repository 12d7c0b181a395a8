import { readFileSync } from 'node:fs';
import { appSyncPrelude } from 'appsync-local/schema';
import { fromProjectRoot } from './project-paths.ts';

/** schema.graphql exactly as AppSync receives it. */
export function readSchema(): string {
  return readFileSync(fromProjectRoot('schema.graphql'), 'utf8');
}

/** AppSync's own scalars and directives, which schema.graphql uses without declaring. */
export function readAppSyncPrelude(): string {
  return appSyncPrelude();
}
