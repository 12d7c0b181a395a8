import { randomUUID } from 'node:crypto';
import { requestShapeFailure, RequestShapeError } from '../dynamodb/data-source-errors.ts';
import { asArray, asRequestObject, requiredString } from '../dynamodb/request-fields.ts';
import type { DataSource, DataSourceOutcome } from '../types.ts';

// An AppSync AMAZON_EVENTBRIDGE data source, as "AWS AppSync JavaScript
// resolver function reference for EventBridge" describes it:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-eventbridge-js.html
// `{ operation: 'PutEvents', events: [{ source, detailType, detail, resources?, time? }] }`
// answers `{ Entries: [{ EventId }], FailedEntryCount: 0 }`. Nothing is sent
// to AWS: each event is recorded, with its bus, and handed to `onEvent`.
// PutEvents takes 1 to 10 entries
// (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html).

/** An event a resolver put on a bus. */
export interface RecordedEvent {
  eventBusName: string;
  eventId: string;
  source: string;
  detailType: string;
  detail: unknown;
  resources: string[];
  time: string;
}

export interface EventBridgeDataSourceOptions {
  /** the name resolvers are wired to */
  name: string;
  /** the bus events are put on (its name, or its ARN) */
  eventBusName: string;
  /** sees each event put; default: none (the server logs them) */
  onEvent?: (event: RecordedEvent) => void;
}

const MAX_ENTRIES = 10;

function recordedEvent(entry: unknown, index: number, eventBusName: string): RecordedEvent {
  const path = `events[${index}]`;
  const fields = asRequestObject(entry, path);
  const time = fields.time === undefined || fields.time === null ? new Date().toISOString() : String(fields.time);
  return {
    eventBusName,
    eventId: randomUUID(),
    source: requiredString(fields, 'source', `${path}.source`),
    detailType: requiredString(fields, 'detailType', `${path}.detailType`),
    detail: fields.detail ?? {},
    resources: fields.resources === undefined ? [] : asArray(fields.resources, `${path}.resources`).map(String),
    time,
  };
}

export function createEventBridgeDataSource(options: EventBridgeDataSourceOptions): DataSource {
  return {
    name: options.name,
    async invoke(request: unknown): Promise<DataSourceOutcome> {
      let events: RecordedEvent[];
      try {
        const requestObject = asRequestObject(request, 'the request');
        const operation = requiredString(requestObject, 'operation');
        if (operation !== 'PutEvents') {
          throw new RequestShapeError(`Unsupported operation '${operation}' for an EventBridge data source`);
        }
        const entries = asArray(requestObject.events, 'events');
        if (entries.length === 0 || entries.length > MAX_ENTRIES) {
          throw new RequestShapeError(`events must have 1 to ${MAX_ENTRIES} entries`);
        }
        events = entries.map((entry, index) => recordedEvent(entry, index, options.eventBusName));
      } catch (error) {
        return { result: null, error: requestShapeFailure(error as RequestShapeError) };
      }
      events.forEach((event) => options.onEvent?.(event));
      return { result: { Entries: events.map((event) => ({ EventId: event.eventId })), FailedEntryCount: 0 } };
    },
  };
}
