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

// The answers EvaluateCode gave, as recorded in localstack/appsync-utils
// __tests__/__snapshots__/resolvers.test.js.snap and authType.test.js.snap.
describe('util.unauthorized and util.authType under EvaluateCode', () => {
  it('util.unauthorized() with no ctx.info fails with the message Unauthorized (localstack/appsync-utils resolvers.test.js.snap, "error handling unauthorized")', () => {
    const code = "import { util } from '@aws-appsync/utils';\nexport function request(ctx) {\n  util.unauthorized();\n}";
    const response = evaluate(code, {}, 'request');
    expect(response.error).toEqual({ message: 'Unauthorized', codeErrors: [] });
    expect(JSON.parse(response.outErrors)).toEqual([
      { message: 'Unauthorized', errorType: 'Unauthorized', data: null, errorInfo: null },
    ]);
  });

  const AUTH_TYPE_CODE = "import { util } from '@aws-appsync/utils';\nexport function request(ctx) {\n  return util.authType();\n}";
  const iamIdentity = {
    accountId: '123456789012',
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp: ['1.2.3.4'],
    username: 'AKIAIOSFODNN7EXAMPLE',
    userArn: 'arn:aws:iam::123456789012:user/alice',
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
  const issuer = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc123';
  const userPoolIdentity = {
    sourceIp: ['1.2.3.4'],
    username: 'alice',
    groups: ['admins'],
    sub: 'sub-1',
    issuer,
    claims: { sub: 'sub-1', iss: issuer, 'cognito:username': 'alice', token_use: 'id' },
    defaultAuthStrategy: 'ALLOW',
  };
  const { groups: _groups, ...userPoolWithoutGroups } = userPoolIdentity;
  const { defaultAuthStrategy: _strategy, ...userPoolWithoutStrategy } = userPoolIdentity;
  const { sourceIp: _sourceIp, ...userPoolWithoutSourceIp } = userPoolIdentity;
  const { userArn: _userArn, ...iamWithoutUserArn } = iamIdentity;
  const oidcIdentity = { sub: 'sub-1', issuer: 'https://accounts.example.com', claims: { sub: 'sub-1' } };

  it.each([
    ['no identity', {}, 'API Key Authorization'],
    ['a null identity', { identity: null }, 'API Key Authorization'],
    ['an IAM identity', { identity: iamIdentity }, 'IAM Authorization'],
    ['a user pool identity', { identity: userPoolIdentity }, 'User Pool Authorization'],
    ['a user pool identity without groups', { identity: userPoolWithoutGroups }, 'User Pool Authorization'],
    ['an OIDC identity (sub, issuer, claims)', { identity: oidcIdentity }, 'Open ID Connect Authorization'],
    ['a Lambda identity (resolverContext)', { identity: { resolverContext: { userId: 'alice' } } }, 'Lambda Authorization'],
    ['an empty identity (a Lambda authorizer without resolverContext)', { identity: {} }, 'Lambda Authorization'],
    ['an IAM identity without userArn', { identity: iamWithoutUserArn }, 'API Key Authorization'],
    ['an IAM identity whose sourceIp is null', { identity: { ...iamIdentity, sourceIp: null } }, 'API Key Authorization'],
    ['a user pool identity without defaultAuthStrategy', { identity: userPoolWithoutStrategy }, 'API Key Authorization'],
    ['a user pool identity without sourceIp', { identity: userPoolWithoutSourceIp }, 'API Key Authorization'],
    ['an identity holding only claims', { identity: { claims: { sub: 'sub-1' } } }, 'API Key Authorization'],
    ['OIDC keys beside a username', { identity: { ...oidcIdentity, username: 'alice' } }, 'API Key Authorization'],
  ])('util.authType() for %s is the recorded answer (localstack/appsync-utils authType.test.js.snap; built-in-util-js.html)', (_case, context, authType) => {
    expect(evaluate(AUTH_TYPE_CODE, context, 'request').evaluationResult).toBe(JSON.stringify(authType));
  });
});

// "String.prototype.replace() / replaceAll(): Regular expressions are not supported. However,
// Java-styled regular expression constructs are supported in the provided parameter."
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html
describe('String.replace and replaceAll read a string pattern as a Java regular expression (supported-features.html)', () => {
  const run = (expression: string) =>
    evaluate(`export function request(ctx) {\n  return ${expression};\n}`, { arguments: { phone: '+1 (555) 010-9999' } }, 'request');

  it.each([
    ["'a.b.c'.replace('.', '-')", '-.b.c'],
    ["'a.b.c'.replaceAll('.', '-')", '-----'],
    ["'a.b.c'.replaceAll('\\\\.', '-')", 'a-b-c'],
    ["ctx.args.phone.replaceAll('[^0-9+]', '')", '+15550109999'],
    ["'Hello HELLO'.replaceAll('(?i)hello', 'bye')", 'bye bye'],
    ["'x1y22'.replace('\\\\d+', '#')", 'x#y22'],
    ["'2026-12'.replace('(\\\\d{4})-(\\\\d{2})', '$2/$1')", '12/2026'],
  ])('%s', (expression, expected) => {
    expect(run(expression).evaluationResult).toBe(JSON.stringify(expected));
  });

  it('a Java construct the local runtime cannot honour fails the handler, naming it', () => {
    expect(run("'aaa'.replace('a*+', '')").error?.message).toContain(
      'The Java regular expression construct a possessive quantifier in "a*+" is not supported by the local runtime',
    );
  });
});
