import { describe, expect, it } from 'vitest';
import type { PipelineFunctionDefinition, ResolverDefinition } from '../types.ts';
import { resolveField } from './resolve-field.ts';
import { handlers, invocation, RecordingDataSource } from './test-support.ts';

// Pipeline resolvers: the resolver's request handler ("before"), each
// function (request → data source → response; its value becomes
// ctx.prev.result), then the resolver's response handler ("after").
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html

/** Each handler adds its name to ctx.stash.trace, so a test sees what ran, in order. */
const trace = (step: string) => `  ctx.stash.trace.push('${step}');`;

function fn(name: string, request: string, response: string): PipelineFunctionDefinition {
  return {
    name,
    dataSource: 'events',
    bundle: handlers(
      `functions/${name}`,
      `${trace(`${name}.request`)}\n${request}`,
      `${trace(`${name}.response`)}\n${response}`,
    ),
  };
}

/** A pipeline whose "after" returns what ran and the last ctx.prev.result. */
function pipeline(
  functions: PipelineFunctionDefinition[],
  before = '  return { from: "before" };',
): ResolverDefinition {
  return {
    kind: 'PIPELINE',
    typeName: 'Mutation',
    fieldName: 'updateEvent',
    bundle: handlers(
      'resolvers/Mutation.updateEvent',
      `  ctx.stash.trace = ['before'];\n${before}`,
      `${trace('after')}\n  return { trace: ctx.stash.trace, prev: ctx.prev.result };`,
    ),
    functions,
  };
}

/** A function that sends `{ step: name, prev }` and returns what the data source answered. */
const passThrough = (name: string) =>
  fn(name, `  return { step: '${name}', prev: ctx.prev.result };`, '  return ctx.result;');

async function resolve(definition: ResolverDefinition, events = new RecordingDataSource('events')) {
  const outcome = await resolveField(definition, invocation(), new Map([['events', events]]));
  return { outcome, events };
}

describe('a pipeline resolver', () => {
  it('runs before, each function in order, then after; each value becomes the next ctx.prev.result', async () => {
    const { outcome, events } = await resolve(pipeline([passThrough('read'), passThrough('write')]));
    expect(events.requests).toEqual([
      { step: 'read', prev: { from: 'before' } },
      { step: 'write', prev: { step: 'read', prev: { from: 'before' } } },
    ]);
    expect(outcome).toMatchObject({
      data: {
        trace: ['before', 'read.request', 'read.response', 'write.request', 'write.response', 'after'],
        prev: { step: 'write', prev: { step: 'read', prev: { from: 'before' } } },
      },
      errors: [],
    });
  });

  it('shares one ctx.stash between the resolver and its functions, and not with other resolver runs', async () => {
    const remember = fn(
      'remember',
      '  ctx.stash.seen = (ctx.stash.seen ?? 0) + 1;\n  return {};',
      '  return ctx.stash.seen;',
    );
    const first = await resolve(pipeline([remember, remember]));
    const second = await resolve(pipeline([remember]));
    expect(first.outcome.data).toMatchObject({ prev: 2 });
    expect(second.outcome.data).toMatchObject({ prev: 1 });
  });

  it("skipTo: 'NEXT' skips only that function's data source and response handler", async () => {
    const skipped = fn(
      'skipped',
      "  runtime.earlyReturn({ early: true }, { skipTo: 'NEXT' });",
      '  return ctx.result;',
    );
    const { outcome, events } = await resolve(pipeline([skipped, passThrough('write')]));
    expect(events.requests).toEqual([{ step: 'write', prev: { early: true } }]);
    expect(outcome.data).toMatchObject({
      trace: ['before', 'skipped.request', 'write.request', 'write.response', 'after'],
    });
  });

  it('runtime.earlyReturn without skipTo in a function request handler also goes on to the next function', async () => {
    const skipped = fn('skipped', '  runtime.earlyReturn({ early: true });', '  return ctx.result;');
    const { outcome } = await resolve(pipeline([skipped, passThrough('write')]));
    expect(outcome.data).toMatchObject({
      trace: ['before', 'skipped.request', 'write.request', 'write.response', 'after'],
    });
  });

  it("skipTo: 'END' jumps to the resolver's response handler with the early value as ctx.prev.result", async () => {
    const ending = fn('ending', "  runtime.earlyReturn({ cached: true }, { skipTo: 'END' });", '  return ctx.result;');
    const { outcome, events } = await resolve(pipeline([ending, passThrough('write')]));
    expect(events.requests).toEqual([]);
    expect(outcome.data).toEqual({ trace: ['before', 'ending.request', 'after'], prev: { cached: true } });
  });

  it("skipTo: 'END' in a function response handler skips the remaining functions", async () => {
    const ending = fn('ending', '  return {};', "  runtime.earlyReturn('done', { skipTo: 'END' });");
    const { outcome } = await resolve(pipeline([ending, passThrough('write')]));
    expect(outcome.data).toEqual({ trace: ['before', 'ending.request', 'ending.response', 'after'], prev: 'done' });
  });

  it("runtime.earlyReturn in the resolver's request handler skips every function", async () => {
    const { outcome, events } = await resolve(
      pipeline([passThrough('read')], "  runtime.earlyReturn({ from: 'early before' });"),
    );
    expect(events.requests).toEqual([]);
    expect(outcome.data).toEqual({ trace: ['before', 'after'], prev: { from: 'early before' } });
  });

  it('util.error in a function stops the pipeline: no further function, no after, the field is null', async () => {
    const refusing = fn(
      'refusing',
      '  return {};',
      "  util.error('Event e-1 was changed meanwhile', 'ConflictError');",
    );
    const { outcome, events } = await resolve(pipeline([refusing, passThrough('write')]));
    expect(events.requests).toHaveLength(1);
    expect(outcome).toMatchObject({
      data: null,
      errors: [{ message: 'Event e-1 was changed meanwhile', errorType: 'ConflictError' }],
    });
  });

  it("util.error in the resolver's request handler runs no function", async () => {
    const { outcome, events } = await resolve(
      pipeline([passThrough('read')], "  util.error('Invalid input', 'ValidationError');"),
    );
    expect(events.requests).toEqual([]);
    expect(outcome).toMatchObject({ data: null, errors: [{ errorType: 'ValidationError' }] });
  });

  it('util.appendError in a function keeps the pipeline going and the final value', async () => {
    const warning = fn('warning', '  return {};', "  util.appendError('stale read', 'Warning');\n  return 'read';");
    const { outcome } = await resolve(pipeline([warning]));
    expect(outcome).toMatchObject({
      data: { prev: 'read' },
      errors: [{ message: 'stale read', errorType: 'Warning' }],
    });
  });

  it("a data source failure reaches the function's response handler as ctx.error", async () => {
    const events = new RecordingDataSource('events', () => ({
      result: null,
      error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' },
    }));
    const write = fn('write', '  return {};', '  return { failed: ctx.error.type };');
    const { outcome } = await resolve(pipeline([write]), events);
    expect(outcome).toMatchObject({
      data: { prev: { failed: 'DynamoDB:ConditionalCheckFailedException' } },
      errors: [],
    });
  });

  it('a code error in a function stops the pipeline with an errorType "Code" error', async () => {
    const broken = fn('broken', '  return ctx.prev.result.missing.field;', '  return ctx.result;');
    const { outcome } = await resolve(pipeline([broken, passThrough('write')]));
    expect(outcome.data).toBeNull();
    expect(outcome.errors).toEqual([
      expect.objectContaining({ errorType: 'Code', message: expect.stringContaining('functions/broken.js') }),
    ]);
  });
});
