import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleTypeScript } from './runtime/bundle-typescript.ts';
import { BadRequestException, evaluateCode, type EvaluateCodeInput } from './index.ts';

// The EvaluateCode contract, tested the way AWS's testing guide uses it:
// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCode.html

const runtime = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };

function evaluate(code: string, context: object, fn: EvaluateCodeInput['function']) {
  return evaluateCode({ runtime, code, context: JSON.stringify(context), function: fn });
}

/** The `Dog` example of AWS's testing guide, line for line. */
const DOG_CODE = `import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ id: util.autoId() }),
    attributeValues: util.dynamodb.toMapValues(ctx.args),
  };
}

export function response(ctx) {
  if (ctx.identity.username === 'Nadia') {
    console.log("This request is allowed")
    return ctx.result;
  }
  util.unauthorized();
}
`;

const DOG_CONTEXT = {
  arguments: { firstname: 'Shaggy', age: 4 },
  source: {},
  result: { breed: 'Miniature Schnauzer', color: 'black_grey' },
  identity: { sub: 'uuid', username: 'Nadia', claims: {}, sourceIp: ['x.x.x.x'], defaultAuthStrategy: 'ALLOW' },
};

describe("AWS's testing guide example", () => {
  it('request correctly calls DynamoDB', () => {
    const response = evaluate(DOG_CODE, DOG_CONTEXT, 'request');
    const result = JSON.parse(response.evaluationResult!);
    expect(result.key.id.S).toBeDefined();
    expect(result.attributeValues.firstname.S).toEqual(DOG_CONTEXT.arguments.firstname);
  });

  it('response returns the result and the log line of the guide', () => {
    expect(evaluate(DOG_CODE, DOG_CONTEXT, 'response')).toEqual({
      evaluationResult: '{"breed":"Miniature Schnauzer","color":"black_grey"}',
      logs: ['INFO - code.js:13:5: "This request is allowed"'],
      stash: '{}',
      outErrors: '[]',
    });
  });
});

describe('a TypeScript resolver under EvaluateCode', () => {
  const resolver = { path: fileURLToPath(new URL('./test-fixtures/resolvers/Query.getPost.ts', import.meta.url)) };
  const define = { SERVICE: '"blog"' };

  it('builds the GetItem request for the id', async () => {
    const { code } = await bundleTypeScript(resolver, 'code.js', { define });
    const response = evaluate(code, { arguments: { id: 'p-42' }, identity: {} }, 'request');
    expect(JSON.parse(response.evaluationResult!)).toEqual({ operation: 'GetItem', key: { id: { S: 'p-42' } } });
    expect(response.error).toBeUndefined();
  });

  it('reports util.error for a blank id in error and outErrors', async () => {
    const { code } = await bundleTypeScript(resolver, 'code.js', { define });
    const response = evaluate(code, { arguments: { id: ' ' }, identity: {} }, 'request');
    expect(response.evaluationResult).toBeUndefined();
    expect(response.error).toEqual({ message: 'Invalid input: id must not be blank', codeErrors: [] });
    expect(JSON.parse(response.outErrors)).toEqual([
      {
        message: 'Invalid input: id must not be blank',
        errorType: 'ValidationError',
        data: null,
        errorInfo: { field: 'id' },
      },
    ]);
  });
});

describe('the EvaluateCode output', () => {
  it('returns ctx.stash as the handler left it', () => {
    const code = 'export function request(ctx) {\n  ctx.stash.started = true;\n  return {};\n}';
    expect(evaluate(code, { stash: { from: 'before' } }, 'request').stash).toBe('{"from":"before","started":true}');
  });

  it('keeps the result of a handler that appended an error, and lists the error in outErrors', () => {
    const code =
      "import { util } from '@aws-appsync/utils';\nexport function response(ctx) {\n  util.appendError('partial', 'Partial');\n  return ctx.result;\n}";
    const response = evaluate(code, { result: [1] }, 'response');
    expect(response.evaluationResult).toBe('[1]');
    expect(JSON.parse(response.outErrors)).toEqual([
      { message: 'partial', errorType: 'Partial', data: null, errorInfo: null },
    ]);
  });

  it('reports refused constructs as LINT_ERROR code errors with line, column and span', () => {
    const code = 'export function request(ctx) {\n  let n = 0;\n  n++;\n  return { n };\n}';
    expect(evaluate(code, {}, 'request')).toEqual({
      error: {
        message: 'The code contains one or more errors.',
        codeErrors: [
          {
            errorType: 'LINT_ERROR',
            value: 'The operator ++ is not supported',
            location: { line: 3, column: 3, span: 3 },
          },
        ],
      },
      logs: [],
      stash: '{}',
      outErrors: '[]',
    });
  });

  it('reports code that does not parse as a PARSER_ERROR', () => {
    const response = evaluate('export function request(ctx) {\n  return {;\n}', {}, 'request');
    expect(response.error?.codeErrors).toEqual([
      expect.objectContaining({ errorType: 'PARSER_ERROR', location: expect.objectContaining({ line: 2 }) }),
    ]);
  });

  it('reports a runtime failure with the position in code.js', () => {
    const response = evaluate('export function request(ctx) {\n  return ctx.args.missing.id;\n}', {}, 'request');
    expect(response.error?.message).toMatch(
      /^code\.js:2:\d+: TypeError: Cannot read properties of undefined \(reading 'id'\)$/,
    );
  });
});

describe('input the API refuses', () => {
  it.each([
    ['another runtime', { runtime: { name: 'VTL', runtimeVersion: '1.0.0' } }, 'runtime.name must be APPSYNC_JS'],
    [
      'another runtime version',
      { runtime: { name: 'APPSYNC_JS', runtimeVersion: '2.0.0' } },
      'runtime.runtimeVersion must be 1.0.0',
    ],
    ['empty code', { code: '' }, 'code must be 1 to 32768 characters'],
    ['a context that is not JSON', { context: '{oops' }, 'context is not valid JSON'],
    ['a context that is not an object', { context: '[1, 2]' }, 'context must be a JSON object'],
  ])('refuses %s with BadRequestException', (_case, change, message) => {
    const input = {
      runtime,
      code: 'export function request() { return {}; }',
      context: '{}',
      function: 'request' as const,
      ...change,
    };
    expect(() => evaluateCode(input)).toThrow(new BadRequestException(message));
  });
});
