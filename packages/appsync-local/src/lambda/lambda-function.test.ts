import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { handlerModule, startLambdaFunction, type LambdaFunction } from './lambda-function.ts';

// The handlers of test-fixtures/lambda run as Lambda's Node.js runtime runs
// them: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html

const CODE = fileURLToPath(new URL('../test-fixtures/lambda', import.meta.url));
const started: LambdaFunction[] = [];

function start(handler: string, extra: { timeoutSeconds?: number; environment?: Record<string, string> } = {}) {
  const fn = startLambdaFunction({ functionName: `fixture-${handler}`, codeDirectory: CODE, handler, ...extra });
  started.push(fn);
  return fn;
}

afterAll(() => Promise.all(started.map((fn) => fn.close())));

describe('a Node.js Lambda function run locally', () => {
  it('gets the event, a Lambda context and its own environment, and stays warm between invocations', async () => {
    const fn = start('index.echo', { environment: { GREETING: 'hello' }, timeoutSeconds: 5 });
    const first = await fn.invoke({ field: 'getPost' });
    const second = await fn.invoke({ field: 'getPost' });
    expect(first).toMatchObject({
      ok: true,
      payload: {
        event: { field: 'getPost' },
        invocations: 1,
        greeting: 'hello',
        region: 'us-east-1',
        functionName: 'fixture-index.echo',
      },
    });
    const payload = (first as { payload: { awsRequestId: string; remainingMs: number } }).payload;
    expect(payload.awsRequestId).toBe(first.requestId);
    expect(payload.remainingMs).toBeGreaterThan(4000);
    expect(payload.remainingMs).toBeLessThanOrEqual(5000);
    expect(second).toMatchObject({ ok: true, payload: { invocations: 2 } });
    expect(process.env.GREETING).toBeUndefined();
  });

  it('runs callback handlers and ES modules', async () => {
    await expect(start('index.withCallback').invoke({ n: 21 })).resolves.toMatchObject({ ok: true, payload: { doubled: 42 } });
    await expect(start('esm/app.handler').invoke('x')).resolves.toMatchObject({ ok: true, payload: { esm: true, event: 'x' } });
  });

  it("reports a thrown error as Lambda's Invoke API does", async () => {
    const result = await start('index.fail').invoke({ id: 'p-9' });
    expect(result).toMatchObject({ ok: false, error: { errorType: 'PostNotFound', errorMessage: 'no post p-9' } });
  });

  it('stops a handler past its timeout, and the next invocation gets a fresh environment', async () => {
    const fn = start('index.spin', { timeoutSeconds: 0.2 });
    const result = await fn.invoke({});
    expect(result).toMatchObject({ ok: false, error: { errorType: 'Sandbox.Timedout' } });
    expect(!result.ok && result.error.errorMessage).toMatch(/ Task timed out after 0\.20 seconds$/);
    await expect(fn.invoke({})).resolves.toMatchObject({ ok: false, error: { errorType: 'Sandbox.Timedout' } });
  });

  it('survives a handler that exits its process', async () => {
    const result = await start('index.exit').invoke({});
    expect(result).toMatchObject({
      ok: false,
      error: { errorType: 'Runtime.ExitError', errorMessage: expect.stringContaining('Runtime exited with error: exit status 3') },
    });
  });

  it('refuses at start a missing handler module and a runtime other than Node.js', () => {
    expect(() => handlerModule(CODE, 'missing.handler')).toThrow(/handler missing\.handler: no missing\.js, \.mjs, \.cjs in /);
    expect(() =>
      startLambdaFunction({ functionName: 'py', codeDirectory: CODE, handler: 'index.handler', runtime: 'python3.12' }),
    ).toThrow('Lambda function py: runtime python3.12 is not run locally (Node.js runtimes only)');
  });
});
