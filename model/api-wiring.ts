// Which code resolves which GraphQL field, defined once. The CDK stack and the
// local runtime both read these lists; check-wiring.ts holds them against
// schema.graphql and the files in resolvers/.

/** The one data source: the events table (see events-table.ts). */
export const EVENTS_DATA_SOURCE = 'events';

export type ResolverWiring =
  | { kind: 'UNIT'; typeName: string; fieldName: string; dataSource: string }
  | {
      kind: 'PIPELINE';
      typeName: string;
      fieldName: string;
      /** names of files in resolvers/functions/, run in order */
      functions: string[];
    };

export interface FunctionWiring {
  name: string;
  dataSource: string;
}

function unit(typeName: string, fieldName: string): ResolverWiring {
  return { kind: 'UNIT', typeName, fieldName, dataSource: EVENTS_DATA_SOURCE };
}

function pipeline(typeName: string, fieldName: string, functions: string[]): ResolverWiring {
  return { kind: 'PIPELINE', typeName, fieldName, functions };
}

export const functionWiring: FunctionWiring[] = [
  { name: 'readEventForWrite', dataSource: EVENTS_DATA_SOURCE },
  { name: 'updateEventItem', dataSource: EVENTS_DATA_SOURCE },
  { name: 'deleteEventItem', dataSource: EVENTS_DATA_SOURCE },
];

export const resolverWiring: ResolverWiring[] = [
  unit('Query', 'getEvent'),
  unit('Query', 'listEvents'),
  unit('Query', 'health'),
  unit('Mutation', 'createEvent'),
  pipeline('Mutation', 'updateEvent', ['readEventForWrite', 'updateEventItem']),
  pipeline('Mutation', 'deleteEvent', ['readEventForWrite', 'deleteEventItem']),
];

/** A resolver's file name without extension: `Query.getEvent`, as in the AppSync console. */
export function resolverName(wiring: { typeName: string; fieldName: string }): string {
  return `${wiring.typeName}.${wiring.fieldName}`;
}

/** Where sources live and bundles go, relative to the project root. */
export const SOURCE_DIR = 'resolvers';
export const BUNDLE_DIR = 'build/appsync';

export function resolverSourcePath(wiring: ResolverWiring): string {
  return `${SOURCE_DIR}/${resolverName(wiring)}.ts`;
}

export function functionSourcePath(name: string): string {
  return `${SOURCE_DIR}/functions/${name}.ts`;
}

export function resolverBundlePath(wiring: { typeName: string; fieldName: string }, bundleDir = BUNDLE_DIR): string {
  return `${bundleDir}/resolvers/${resolverName(wiring)}.js`;
}

export function functionBundlePath(name: string, bundleDir = BUNDLE_DIR): string {
  return `${bundleDir}/functions/${name}.js`;
}
