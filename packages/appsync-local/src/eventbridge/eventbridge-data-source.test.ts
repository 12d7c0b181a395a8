import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../engine/test-support.ts';
import { postGraphQL } from '../server/test-support.ts';
import { startAppSyncApi, type AppSyncApi } from '../start-appsync-api.ts';
import type { RecordedEvent } from './eventbridge-data-source.ts';

// PutEvents requests of "AWS AppSync JavaScript resolver function reference
// for EventBridge", recorded instead of sent:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-eventbridge-js.html

const API_KEY = 'da2-events';
const recorded: RecordedEvent[] = [];
let api: AppSyncApi;

beforeAll(async () => {
  api = await startAppSyncApi({
    schema: 'type Query { ok: String } type Mutation { placeOrder(id: ID!): AWSJSON  putNothing: AWSJSON }',
    resolvers: () => [
      {
        kind: 'UNIT',
        typeName: 'Mutation',
        fieldName: 'placeOrder',
        dataSource: 'orders',
        bundle: handlers(
          'Mutation.placeOrder',
          `return { operation: 'PutEvents', events: [
            { source: 'shop.orders', detailType: 'OrderPlaced', detail: { id: ctx.args.id } },
            { source: 'shop.orders', detailType: 'OrderAudited', detail: { id: ctx.args.id }, resources: ['order/' + ctx.args.id] },
          ] };`,
          'return JSON.stringify(ctx.result);',
        ),
      },
      {
        kind: 'UNIT',
        typeName: 'Mutation',
        fieldName: 'putNothing',
        dataSource: 'orders',
        bundle: handlers('Mutation.putNothing', `return { operation: 'PutEvents', events: [] };`, 'return JSON.stringify(ctx.result);'),
      },
    ],
    dataSources: [{ type: 'AMAZON_EVENTBRIDGE', name: 'orders', eventBusName: 'orders-bus', onEvent: (event) => recorded.push(event) }],
    authorization: { default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] } },
  });
});

afterAll(() => api.close());

describe('an EventBridge data source', () => {
  it('records the events put, with their bus, and answers with an EventId for each, as PutEvents does', async () => {
    const { body } = await postGraphQL(api.url, 'mutation { placeOrder(id: "o-1") }', { 'x-api-key': API_KEY });
    const result = JSON.parse(body.data!.placeOrder as string);
    expect(result).toEqual({ Entries: [{ EventId: recorded[0].eventId }, { EventId: recorded[1].eventId }], FailedEntryCount: 0 });
    expect(recorded).toEqual([
      expect.objectContaining({ eventBusName: 'orders-bus', source: 'shop.orders', detailType: 'OrderPlaced', detail: { id: 'o-1' }, resources: [] }),
      expect.objectContaining({ detailType: 'OrderAudited', resources: ['order/o-1'] }),
    ]);
  });

  it('refuses a PutEvents without events', async () => {
    const { body } = await postGraphQL(api.url, 'mutation { putNothing }', { 'x-api-key': API_KEY });
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'MappingTemplate', message: 'events must have 1 to 10 entries' })]);
  });
});
