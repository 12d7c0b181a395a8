import { describe, expect, it } from 'vitest';
import type { ResolverDefinition } from '../types.ts';
import { resolveField } from './resolve-field.ts';
import { handlers, invocation, RecordingDataSource } from './test-support.ts';

// Unit resolvers: request handler → data source → response handler.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html#unit-resolver-js

function unit(request: string, response: string, dataSource = 'events'): ResolverDefinition {
  return {
    kind: 'UNIT',
    typeName: 'Query',
    fieldName: 'getEvent',
    dataSource,
    bundle: handlers('Query.getEvent', request, response),
  };
}

const failing = () => ({
  result: null,
  error: { message: 'Throughput exceeded', type: 'DynamoDB:ProvisionedThroughputExceededException' },
});

describe('a unit resolver', () => {
  it('sends the request handler value to the data source and returns the response handler value', async () => {
    const events = new RecordingDataSource('events', () => ({ result: { eventId: 'e-1', title: 'Launch' } }));
    const definition = unit(
      "  return { operation: 'GetItem', key: { eventId: ctx.args.eventId } };",
      '  return { ...ctx.result, read: true };',
    );
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
    expect(events.requests).toEqual([{ operation: 'GetItem', key: { eventId: 'e-1' } }]);
    expect(outcome).toEqual({ data: { eventId: 'e-1', title: 'Launch', read: true }, errors: [], logs: [] });
  });

  // https://docs.aws.amazon.com/appsync/latest/devguide/environmental-variables.html
  it("gives both handlers the API's environment variables as ctx.env", async () => {
    const events = new RecordingDataSource('events');
    const definition = unit(
      "  return { operation: 'GetItem', table: ctx.env.EVENTS_TABLE };",
      '  return { sent: ctx.result.table, stage: ctx.env.STAGE };',
    );
    const env = { EVENTS_TABLE: 'events-prod-1a2b', STAGE: 'prod' };
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]), { env });
    expect(outcome.data).toEqual({ sent: 'events-prod-1a2b', stage: 'prod' });
  });

  it('fails the field without a response handler when the data source cannot read the request (MappingTemplate)', async () => {
    const message = "Value for field '$[operation]' not found.";
    const events = new RecordingDataSource('events', () => ({ result: null, error: { message, type: 'MappingTemplate' } }));
    const definition = unit('  return { key: {} };', "  return 'the response handler ran';");
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
    expect(outcome).toEqual({ data: null, errors: [{ message, errorType: 'MappingTemplate' }], logs: [] });
  });

  it('still runs the response handler when the data source fails, and raises nothing unless it calls util.error', async () => {
    const events = new RecordingDataSource('events', failing);
    const definition = unit('  return {};', '  return { failed: ctx.error.type, result: ctx.result };');
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
    expect(outcome).toMatchObject({
      data: { failed: 'DynamoDB:ProvisionedThroughputExceededException', result: null },
      errors: [],
    });
  });

  it('reports the data source error when the response handler passes it to util.error', async () => {
    const events = new RecordingDataSource('events', failing);
    const definition = unit(
      '  return {};',
      '  if (ctx.error) { util.error(ctx.error.message, ctx.error.type); }\n  return ctx.result;',
    );
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
    expect(outcome).toMatchObject({
      data: null,
      errors: [{ message: 'Throughput exceeded', errorType: 'DynamoDB:ProvisionedThroughputExceededException' }],
    });
  });

  it('runtime.earlyReturn in the request handler skips the data source and the response handler', async () => {
    const events = new RecordingDataSource('events');
    const definition = unit(
      '  runtime.earlyReturn({ items: [] });\n  return {};',
      "  util.error('response handler ran');",
    );
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
    expect(events.requests).toEqual([]);
    expect(outcome).toMatchObject({ data: { items: [] }, errors: [] });
  });

  it('util.error in the request handler skips the data source and nulls the field', async () => {
    const events = new RecordingDataSource('events');
    const definition = unit(
      "  util.error('eventId is invalid', 'ValidationError', null, { field: 'eventId' });",
      '  return ctx.result;',
    );
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
    expect(events.requests).toEqual([]);
    expect(outcome).toMatchObject({
      data: null,
      errors: [{ message: 'eventId is invalid', errorType: 'ValidationError', errorInfo: { field: 'eventId' } }],
    });
  });

  it('util.appendError keeps the returned value and adds the error', async () => {
    const events = new RecordingDataSource('events');
    const definition = unit(
      "  util.appendError('first');\n  return { n: 1 };",
      "  util.appendError('second', 'Partial');\n  return ctx.result;",
    );
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
    expect(outcome).toMatchObject({
      data: { n: 1 },
      errors: [{ message: 'first' }, { message: 'second', errorType: 'Partial' }],
    });
  });

  it('a runtime failure in the code nulls the field with an errorType "Code" error', async () => {
    const events = new RecordingDataSource('events');
    const definition = unit('  return {};', '  return ctx.result.missing.field;');
    const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
    expect(outcome.data).toBeNull();
    expect(outcome.errors).toEqual([
      {
        message: expect.stringMatching(
          /^build\/appsync\/Query\.getEvent\.js:\d+:\d+: TypeError: Cannot read properties of undefined/,
        ),
        errorType: 'Code',
        data: null,
        errorInfo: null,
      },
    ]);
  });

  it("with the NONE data source, the request's payload is ctx.result", async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-none-js.html
    const definition = unit('  return { payload: { echoed: ctx.args.eventId } };', '  return ctx.result;', 'NONE');
    const outcome = await resolveField(definition, invocation(), new Map());
    expect(outcome).toMatchObject({ data: { echoed: 'e-1' }, errors: [] });
  });

  it('passes the caller, source and auth type to the handlers and keeps their console lines', async () => {
    const definition = unit(
      "  console.log('resolving', ctx.info.fieldName);\n  return { payload: { sub: ctx.identity.sub, source: ctx.source, authType: util.authType() } };",
      '  return ctx.result;',
      'NONE',
    );
    const caller = invocation({ identity: { sub: 'u-1' }, source: { id: 'parent' } });
    const outcome = await resolveField(definition, caller, new Map(), { authType: 'User Pool Authorization' });
    expect(outcome).toEqual({
      data: { sub: 'u-1', source: { id: 'parent' }, authType: 'User Pool Authorization' },
      errors: [],
      logs: ['INFO - build/appsync/Query.getEvent.js:3:3: "resolving" "getEvent"'],
    });
  });

  it('fails loudly when the wiring names a data source the server does not have', async () => {
    const definition = unit('  return {};', '  return ctx.result;', 'missing');
    await expect(resolveField(definition, invocation(), new Map())).rejects.toThrow("No data source named 'missing'");
  });

  it('names an RDS request built with @aws-appsync/utils/rds when its data source is missing (resolver-reference-rds-js.html)', async () => {
    const definition = {
      ...unit('  return {};', '  return ctx.result;', 'PostgresCluster'),
      bundle: {
        fileName: 'build/appsync/Query.listPosts.js',
        code: "import { sql, createPgStatement } from '@aws-appsync/utils/rds';\nexport function request(ctx) {\n  return createPgStatement(sql`select * from posts where id = ${ctx.args.eventId}`);\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n",
      },
    };
    await expect(resolveField(definition, invocation(), new Map())).rejects.toThrow(
      "No data source named 'PostgresCluster': the resolver wiring and the local server's data sources disagree. The resolver sent an RDS (Aurora Data API) request, and the local runtime has no RDS data source",
    );
  });
});
