import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSyncApi } from '../start-appsync-api.ts';
import { answerOf, seenByResolver, startAuthTestApi } from './auth-test-api.ts';
import type { LambdaAuthorizerEvent } from './lambda-authenticator.ts';

// AWS_LAMBDA through real HTTP requests: the authorizer gets the event
// AppSync sends and its answer decides, as security-authz.html
// ("AWS Lambda authorization") describes. The authorizer here is a handler
// function in this process; `serve` runs the template's function.

const API_KEY = 'da2-lambda-test';
const events: LambdaAuthorizerEvent[] = [];
let api: AppSyncApi;

/** Tokens name what the authorizer answers: `allow-…`, `deny`, `cached-…` (ttlOverride 60), `fail`. */
async function authorizer(event: LambdaAuthorizerEvent): Promise<unknown> {
  events.push(event);
  const token = event.authorizationToken;
  if (token === 'fail') {
    throw new Error('authorizer crashed');
  }
  return {
    isAuthorized: token.startsWith('allow') || token.startsWith('cached'),
    resolverContext: { userId: token, tenant: 'acme' },
    deniedFields: token === 'allow-limited' ? ['Query.lambdaOnly', 'arn:aws:appsync:us-east-1:111122223333:apis/local/types/Query/fields/apiKeyOnly'] : [],
    ...(token.startsWith('cached') ? { ttlOverride: 60 } : {}),
  };
}

beforeAll(async () => {
  api = await startAuthTestApi({
    default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] },
    additional: [{ type: 'AWS_LAMBDA', invoke: authorizer, identityValidationExpression: '(allow|deny|cached|fail)[a-z0-9-]*', apiId: 'local-api' }],
  });
});

afterAll(() => api?.close());

function query(authorization: string, text = '{ whoAmI }', extra: Record<string, unknown> = {}) {
  return fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, 'x-custom': 'yes' },
    body: JSON.stringify({ query: text, ...extra }),
  }).then(answerOf);
}

const notAuthorized = {
  status: 401,
  body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
};

describe('AWS_LAMBDA authorizers', () => {
  it('calls the authorizer with the event AppSync sends', async () => {
    events.length = 0;
    const text = 'query Me($x: Int) { whoAmI }';
    await query('allow-event', text, { operationName: 'Me', variables: { x: 1 } });
    expect(events).toEqual([
      {
        authorizationToken: 'allow-event',
        requestContext: {
          apiId: 'local-api',
          accountId: '000000000000',
          requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          queryString: text,
          operationName: 'Me',
          variables: { x: 1 },
        },
        requestHeaders: expect.objectContaining({ authorization: 'allow-event', 'x-custom': 'yes' }),
      },
    ]);
  });

  it('admits isAuthorized: true, with resolverContext in ctx.identity and util.authType()', async () => {
    const answer = await query('allow-ada');
    expect(seenByResolver(answer)).toEqual({
      authType: 'Lambda Authorization',
      identity: { resolverContext: { userId: 'allow-ada', tenant: 'acme' } },
    });
  });

  it('applies @aws_lambda, and refuses the default (API key) mode to a Lambda caller', async () => {
    const answer = await query('allow-ada', '{ lambdaOnly defaultModeOnly }');
    expect(answer.body.data).toEqual({ lambdaOnly: expect.any(String), defaultModeOnly: null });
  });

  it("refuses the deniedFields, by name or by ARN, whatever the schema's directives say", async () => {
    const answer = await query('allow-limited', '{ whoAmI lambdaOnly apiKeyOnly }');
    expect(answer.body.data).toEqual({ whoAmI: expect.any(String), lambdaOnly: null, apiKeyOnly: null });
    expect(answer.body.errors?.map((error) => error.message)).toEqual([
      'Not Authorized to access lambdaOnly on type Query',
      'Not Authorized to access apiKeyOnly on type Query',
    ]);
  });

  it('refuses isAuthorized: false, and an authorizer that fails, with 401', async () => {
    expect(await query('deny')).toEqual(notAuthorized);
    expect(await query('fail')).toEqual(notAuthorized);
  });

  it('refuses a token that does not match IdentityValidationExpression without calling the authorizer', async () => {
    events.length = 0;
    expect(await query('Bearer xyz')).toEqual(notAuthorized);
    expect(events).toEqual([]);
  });

  it('reuses an answer for the same token for ttlOverride seconds, and asks again without one (TTL 0)', async () => {
    events.length = 0;
    await query('cached-1');
    await query('cached-1');
    await query('allow-uncached');
    await query('allow-uncached');
    expect(events.map((event) => event.authorizationToken)).toEqual(['cached-1', 'allow-uncached', 'allow-uncached']);
  });
});

describe("AWS_LAMBDA with the API's AuthorizerResultTtlInSeconds", () => {
  it('caches every answer for that long unless ttlOverride says otherwise', async () => {
    let calls = 0;
    const cachingApi = await startAuthTestApi({
      default: {
        type: 'AWS_LAMBDA',
        resultTtlSeconds: 300,
        invoke: async (event) => {
          calls += 1;
          return { isAuthorized: true, ...(event.authorizationToken === 'no-cache' ? { ttlOverride: 0 } : {}) };
        },
      },
    });
    const ask = (token: string) =>
      fetch(`${cachingApi.url}/graphql`, { method: 'POST', headers: { authorization: token }, body: '{"query":"{ defaultModeOnly }"}' }).then(answerOf);
    try {
      expect((await ask('t1')).body.data).toEqual({ defaultModeOnly: expect.any(String) });
      await ask('t1');
      await ask('no-cache');
      await ask('no-cache');
      expect(calls).toBe(3);
    } finally {
      await cachingApi.close();
    }
  });
});

describe('AWS_LAMBDA with the authorizer function run from its code', () => {
  it('runs its Node.js handler in a worker, as `serve` runs the template\'s function', async () => {
    const functionApi = await startAuthTestApi({
      default: {
        type: 'AWS_LAMBDA',
        function: {
          functionName: 'authorizer',
          codeDirectory: fileURLToPath(new URL('../test-fixtures/auth-assembly/asset.authorizerhash', import.meta.url)),
          handler: 'index.handler',
          environment: { STAGE: 'local' },
        },
      },
    });
    const ask = (token: string) =>
      fetch(`${functionApi.url}/graphql`, {
        method: 'POST',
        headers: { authorization: token },
        body: JSON.stringify({ query: 'query Mine { whoAmI lambdaOnly }', operationName: 'Mine' }),
      }).then(answerOf);
    try {
      const admitted = await ask('allow-no-secrets');
      expect(seenByResolver(admitted).identity).toEqual({ resolverContext: { token: 'allow-no-secrets', operation: 'Mine', stage: 'local' } });
      expect(admitted.body.data?.lambdaOnly).toBeNull();
      expect(await ask('nope')).toEqual(notAuthorized);
    } finally {
      await functionApi.close();
    }
  });
});
