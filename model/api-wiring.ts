// Which code resolves which GraphQL field, defined once. The CDK stack and the
// local runtime both read these lists; check-wiring.ts holds them against
// schema.graphql and the files in resolvers/.

/** The events table (see events-table.ts). */
export const EVENTS_DATA_SOURCE = 'events';
/** The registrations table (see registrations-table.ts); its role may also write the events table, for transactions. */
export const REGISTRATIONS_DATA_SOURCE = 'registrations';

/** AppSync's NONE data source: the subscription resolvers call nothing, they only set filters. */
export const NONE_DATA_SOURCE = 'none';

/**
 * AppSync environment variables (`ctx.env`) holding the physical table names:
 * a TransactWriteItems request names the table of each item.
 * https://docs.aws.amazon.com/appsync/latest/devguide/environmental-variables.html
 */
export const EVENTS_TABLE_ENV = 'EVENTS_TABLE';
export const REGISTRATIONS_TABLE_ENV = 'REGISTRATIONS_TABLE';

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

function unit(typeName: string, fieldName: string, dataSource = EVENTS_DATA_SOURCE): ResolverWiring {
  return { kind: 'UNIT', typeName, fieldName, dataSource };
}

function pipeline(typeName: string, fieldName: string, functions: string[]): ResolverWiring {
  return { kind: 'PIPELINE', typeName, fieldName, functions };
}

export const functionWiring: FunctionWiring[] = [
  { name: 'putNewEvent', dataSource: EVENTS_DATA_SOURCE },
  { name: 'putNewEventWithClientToken', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'readEventForWrite', dataSource: EVENTS_DATA_SOURCE },
  { name: 'updateEventItem', dataSource: EVENTS_DATA_SOURCE },
  { name: 'readSeatsForCapacity', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'changeCapacity', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'deleteEventItem', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'readRegistrationContext', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'takeSeat', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'joinWaitlist', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'settleLostWrite', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'readMyRegistration', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'readWaitlistHead', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'releaseSeat', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'readEventForManagers', dataSource: EVENTS_DATA_SOURCE },
  { name: 'queryRegistrations', dataSource: REGISTRATIONS_DATA_SOURCE },
  { name: 'countWaitlistAhead', dataSource: REGISTRATIONS_DATA_SOURCE },
];

export const resolverWiring: ResolverWiring[] = [
  unit('Query', 'getEvent'),
  unit('Query', 'listEvents'),
  unit('Query', 'health'),
  pipeline('Mutation', 'createEvent', ['putNewEvent', 'putNewEventWithClientToken', 'settleLostWrite']),
  pipeline('Mutation', 'updateEvent', ['readEventForWrite', 'readSeatsForCapacity', 'changeCapacity', 'updateEventItem']),
  pipeline('Mutation', 'deleteEvent', ['readEventForWrite', 'deleteEventItem']),
  pipeline('Mutation', 'registerForEvent', ['readRegistrationContext', 'takeSeat', 'joinWaitlist', 'settleLostWrite']),
  pipeline('Mutation', 'cancelRegistration', ['readMyRegistration', 'readWaitlistHead', 'releaseSeat']),
  pipeline('Query', 'listRegistrations', ['readEventForManagers', 'queryRegistrations', 'countWaitlistAhead']),
  unit('Event', 'confirmedCount', REGISTRATIONS_DATA_SOURCE),
  unit('Event', 'waitlistCount', REGISTRATIONS_DATA_SOURCE),
  unit('Event', 'remaining', REGISTRATIONS_DATA_SOURCE),
  unit('Event', 'myRegistration', REGISTRATIONS_DATA_SOURCE),
  unit('Registration', 'position', REGISTRATIONS_DATA_SOURCE),
  unit('Subscription', 'onEventChanged', NONE_DATA_SOURCE),
  unit('Subscription', 'onEventPublished', NONE_DATA_SOURCE),
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
