import { describe, expect, it } from 'vitest';
import { newRequestUsage, type PipelineFunctionDefinition, type ResolverDefinition } from '../types.ts';
import { resolveField } from './resolve-field.ts';
import { handlers, invocation, RecordingDataSource } from './test-support.ts';

// What `ctx.prev`, `ctx.result` and `ctx.stash` hold in each handler of a
// resolver run.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/pipeline-resolvers.html ("available in the pipeline
// resolver mapping template as $ctx.prev.result or $ctx.result")

/** Records in ctx.stash.seen what this handler saw of ctx.prev and ctx.result. */
const record = (step: string) =>
  `  ctx.stash.seen = ctx.stash.seen ?? [];
  ctx.stash.seen.push({ step: '${step}', prev: ctx.prev, hasResult: Object.hasOwn(ctx, 'result'), result: ctx.result ?? null });`;

function fn(name: string): PipelineFunctionDefinition {
  return {
    name,
    dataSource: 'events',
    bundle: handlers(
      `functions/${name}`,
      `${record(`${name}.request`)}\n  return { ask: '${name}' };`,
      `${record(`${name}.response`)}\n  return { from: '${name}', got: ctx.result };`,
    ),
  };
}

/** A unit resolver on Query.getEvent with the given handler bodies. */
const unit = (request: string, response: string, dataSource = 'events'): ResolverDefinition => ({
  kind: 'UNIT',
  typeName: 'Query',
  fieldName: 'getEvent',
  dataSource,
  bundle: handlers('resolvers/Query.getEvent', request, response),
});

const pipeline = (functions: PipelineFunctionDefinition[]): ResolverDefinition => ({
  kind: 'PIPELINE',
  typeName: 'Query',
  fieldName: 'getEvent',
  bundle: handlers(
    'resolvers/Query.getEvent',
    `${record('before')}\n  return { from: 'before' };`,
    `${record('after')}\n  return ctx.stash.seen;`,
  ),
  functions,
});

const answering = () => new RecordingDataSource('events', (request) => ({ result: { answered: request } }));

async function resolve(definition: ResolverDefinition, events = answering()) {
  return resolveField(definition, invocation(), new Map([['events', events]]));
}

describe('resolver-context-reference-js: ctx.prev.result and ctx.result in every handler', () => {
  it('of a pipeline: before, each function (request and response), after', async () => {
    const events = answering();
    const outcome = await resolve(pipeline([fn('first'), fn('second')]), events);
    // the data source learns which function asked: a DynamoDB nextToken is good for that caller only
    expect(events.callers).toEqual(['function:first', 'function:second']);
    const first = { from: 'first', got: { answered: { ask: 'first' } } };
    const second = { from: 'second', got: { answered: { ask: 'second' } } };
    expect(outcome.errors).toEqual([]);
    expect(outcome.data).toEqual([
      { step: 'before', prev: {}, hasResult: false, result: null },
      { step: 'first.request', prev: { result: { from: 'before' } }, hasResult: false, result: null },
      { step: 'first.response', prev: { result: { from: 'before' } }, hasResult: true, result: { answered: { ask: 'first' } } },
      { step: 'second.request', prev: { result: first }, hasResult: false, result: null },
      { step: 'second.response', prev: { result: first }, hasResult: true, result: { answered: { ask: 'second' } } },
      // pipeline-resolvers.html: the last function's output is both ctx.prev.result and ctx.result
      { step: 'after', prev: { result: second }, hasResult: true, result: second },
    ]);
  });

  it('of a unit resolver: ctx.prev is an empty object in both handlers (our reading: the docs show no handler without a previous step)', async () => {
    const definition = unit(
      `${record('request')}\n  return { ask: 'unit' };`,
      `${record('response')}\n  return ctx.stash.seen;`,
    );
    const events = answering();
    const outcome = await resolve(definition, events);
    expect(events.callers).toEqual(['Query.getEvent']);
    expect(outcome.data).toEqual([
      { step: 'request', prev: {}, hasResult: false, result: null },
      { step: 'response', prev: {}, hasResult: true, result: { answered: { ask: 'unit' } } },
    ]);
  });
});

describe('resolver-context-reference-js: ctx.stash', () => {
  it('is one object through before, every function and after; properties can be added, changed and deleted', async () => {
    const step = (name: string, body: string): PipelineFunctionDefinition => ({
      name,
      dataSource: 'events',
      bundle: handlers(`functions/${name}`, `${body}\n  return {};`, '  return ctx.result;'),
    });
    const definition: ResolverDefinition = {
      kind: 'PIPELINE',
      typeName: 'Query',
      fieldName: 'getEvent',
      bundle: handlers(
        'resolvers/Query.getEvent',
        "  ctx.stash.fromBefore = 1;\n  ctx.stash.toDelete = true;\n  return {};",
        '  return { ...ctx.stash };',
      ),
      functions: [
        step('adds', "  Object.assign(ctx.stash, { fromFirst: ctx.stash.fromBefore + 1 });"),
        step('changes', '  ctx.stash.fromBefore = ctx.stash.fromFirst * 10;\n  delete ctx.stash.toDelete;'),
      ],
    };
    const outcome = await resolve(definition);
    expect(outcome).toMatchObject({ data: { fromBefore: 20, fromFirst: 2 }, errors: [] });
  });

  // `ctx.stash = …` is refused before it runs (@aws-appsync/no-disallowed-re-assignment); what the
  // lint rule cannot see fails when it runs. The docs do not say how AppSync refuses it: our reading
  // is the TypeError strict code raises, reported as a Code error.
  it('cannot be replaced or deleted ("You cannot delete or replace the entire stash"): a Code error', async () => {
    const attempts = {
      'ctx.stash = { replaced: true };': 'ctx is readonly',
      'const context = ctx;\n  context.stash = { replaced: true };': "read only property 'stash'",
      'delete ctx.stash;': 'ctx is readonly',
      'const context = ctx;\n  delete context.stash;': "delete property 'stash'",
    };
    for (const [attempt, refusal] of Object.entries(attempts)) {
      const outcome = await resolve(unit(`  ${attempt}\n  return {};`, '  return ctx.stash;'));
      expect(outcome.data).toBeNull();
      expect(outcome.errors).toEqual([
        expect.objectContaining({ errorType: 'Code', message: expect.stringContaining(refusal) }),
      ]);
    }
  });
});

describe('resolver-context-reference-js: ctx.info', () => {
  it('JSON.stringify(ctx.info) leaves out selectionSetList and selectionSetGraphQL, which are read directly', async () => {
    const definition = unit(
      `  return { payload: {
    json: JSON.parse(JSON.stringify(ctx.info)),
    keys: Object.keys(ctx.info),
    list: ctx.info.selectionSetList,
    graphQL: ctx.info.selectionSetGraphQL,
  } };`,
      '  return ctx.result;',
      'NONE',
    );
    const info = {
      fieldName: 'getEvent',
      parentTypeName: 'Query',
      variables: { id: 'e-1' },
      selectionSetList: ['eventId', 'organizer', 'organizer/name'],
      selectionSetGraphQL: '{\n  eventId\n  organizer {\n    name\n  }\n}',
    };
    const outcome = await resolveField(definition, invocation({ info }), new Map());
    expect(outcome.data).toEqual({
      json: { fieldName: 'getEvent', parentTypeName: 'Query', variables: { id: 'e-1' } },
      keys: ['fieldName', 'parentTypeName', 'variables'],
      list: info.selectionSetList,
      graphQL: info.selectionSetGraphQL,
    });
  });
});

describe('extensions-js: five unique invalidateSubscriptions() calls in a single request', () => {
  it('counts across the resolvers of one request; past the limit the field keeps its value and gets an error', async () => {
    const invalidating = (ids: number[]) =>
      unit(
        "  return { payload: 'updated' };",
        `  for (const id of ${JSON.stringify(ids)}) {
    extensions.invalidateSubscriptions({ subscriptionField: 'onEventChanged', payload: { id } });
  }
  return ctx.result;`,
        'NONE',
      );
    const request = newRequestUsage();
    const resolveWith = (ids: number[]) =>
      resolveField(invalidating(ids), invocation(), new Map(), { requestUsage: request });
    expect(await resolveWith([1, 2, 3])).toMatchObject({ data: 'updated', errors: [] });
    expect(await resolveWith([3, 4, 5, 6])).toMatchObject({
      data: 'updated',
      errors: [{ errorType: 'SubscriptionInvalidationLimitExceeded' }],
    });
  });
});
