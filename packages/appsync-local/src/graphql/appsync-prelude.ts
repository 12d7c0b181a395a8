import { readFileSync } from 'node:fs';

// AppSync's own scalars and directives, which an API's schema uses without
// declaring them. The file is exported too (`appsync-local/appsync-prelude.graphql`)
// for tools that read schemas from files, such as graphql-codegen.

const PRELUDE_FILE = new URL('../../appsync-prelude.graphql', import.meta.url);

/** The prelude's SDL: AppSync's scalars and `@aws_*` directives. */
export function appSyncPrelude(): string {
  return readFileSync(PRELUDE_FILE, 'utf8');
}
