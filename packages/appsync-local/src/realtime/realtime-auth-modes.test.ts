import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamUserCredentials } from '../auth/local-iam-credentials.ts';
import type { LambdaAuthorizerEvent } from '../auth/lambda-authenticator.ts';
import { mintOidcToken } from '../auth/oidc-tokens.ts';
import { temporaryUserPoolKeys, type TemporaryUserPoolKeys } from '../auth/test-support.ts';
import { LOCAL_USER_POOL, mintIdToken, startAppSyncApi, type AppSyncApi } from '../index.ts';
import type { ResolverDefinition } from '../types.ts';
import { postGraphQL, RealtimeClient, type Message } from './test-support.ts';

// Every authorization mode on the real-time endpoint, for the handshake (the
// `header` query parameter or `header-…` subprotocol) and for each start's
// `extensions.authorization`, as "Building a real-time WebSocket client"
// shows each mode's header object: API key (`host`, `x-api-key`), Cognito
// user pools and OIDC (`host`, `Authorization`: the token), IAM (the SigV4
// headers of a POST to `<GraphQL endpoint>/connect` with body `{}` for the
// handshake, of a POST to the GraphQL endpoint with the start's `data` as body
// for a start), Lambda (`host`, `Authorization`: the token the authorizer judges).
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
// IAM headers come from the AWS SDK's own signer, as Amplify JS and
// aws-appsync-subscription-link sign them (service `appsync`, POST, headers
// accept / content-encoding / content-type).

const API_KEY = 'da2-realtime-modes';
const OIDC_ISSUER = 'https://oidc.example.com/';
const iamUser = iamUserCredentials('AKIAREALTIMEMODES001', 'realtime-secret-0123456789abcdefghijklmno');

const SCHEMA = /* GraphQL */ `
  type Item @aws_api_key @aws_cognito_user_pools @aws_iam @aws_oidc @aws_lambda {
    id: ID!
    title: String
    secret: String @aws_iam @aws_api_key
  }
  type Query {
    getItem(id: ID!): Item
  }
  type Mutation @aws_api_key {
    putItem(id: ID!, title: String, secret: String): Item
  }
  type Subscription {
    onItem(id: ID): Item
      @aws_subscribe(mutations: ["putItem"])
      @aws_api_key
      @aws_cognito_user_pools
      @aws_iam
      @aws_oidc
      @aws_lambda
    onIamItem(id: ID): Item @aws_subscribe(mutations: ["putItem"]) @aws_iam
    onMyMode: Item
      @aws_subscribe(mutations: ["putItem"])
      @aws_api_key
      @aws_cognito_user_pools
      @aws_iam
      @aws_oidc
      @aws_lambda
  }
`;

const PUT_ITEM: ResolverDefinition = {
  kind: 'UNIT',
  typeName: 'Mutation',
  fieldName: 'putItem',
  dataSource: 'NONE',
  bundle: {
    fileName: 'Mutation.putItem.js',
    code: 'export function request(ctx) { return { payload: ctx.args }; }\nexport function response(ctx) { return ctx.result; }\n',
  },
};

// its subscribers get the items titled with their own util.authType(): the resolver runs in the subscriber's mode
const ON_MY_MODE: ResolverDefinition = {
  kind: 'UNIT',
  typeName: 'Subscription',
  fieldName: 'onMyMode',
  dataSource: 'NONE',
  bundle: {
    fileName: 'Subscription.onMyMode.js',
    code: `import { util, extensions } from '@aws-appsync/utils';
export function request(ctx) { return { payload: null }; }
export function response(ctx) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ title: { eq: util.authType() } }));
  return null;
}
`,
  },
};

/** Tokens name the answer: `allow-…` admits, `allow-no-title` with Item.title denied, anything else is refused. */
async function authorizer(event: LambdaAuthorizerEvent): Promise<unknown> {
  const token = event.authorizationToken;
  return {
    isAuthorized: token.startsWith('allow'),
    deniedFields: token === 'allow-no-title' ? ['Item.title'] : [],
  };
}

// one RSA key pair for the file: it signs the user pool's tokens and the OIDC provider's (their issuers differ)
let keys: TemporaryUserPoolKeys;
let api: AppSyncApi;
let host: string;

beforeAll(async () => {
  keys = await temporaryUserPoolKeys({ sharedKey: true });
  api = await startAppSyncApi({
    schema: SCHEMA,
    resolvers: () => [PUT_ITEM, ON_MY_MODE],
    dataSources: [],
    authorization: {
      default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] },
      additional: [
        { type: 'AMAZON_COGNITO_USER_POOLS', userPool: LOCAL_USER_POOL, jwks: keys.keys.jwks },
        { type: 'AWS_IAM', credentials: [iamUser] },
        { type: 'OPENID_CONNECT', issuer: OIDC_ISSUER, clientId: 'web-app', jwks: keys.keys.jwks },
        { type: 'AWS_LAMBDA', invoke: authorizer },
      ],
    },
  });
  host = new URL(api.url).host;
});

afterAll(async () => {
  await api?.close();
  await keys?.remove();
});

/** The headers a SigV4 signature of `POST <path>` with `body` gives, as the header object of the real-time protocol. */
async function iamHeaders(path: string, body: string, secretAccessKey = iamUser.secretAccessKey): Promise<Record<string, string>> {
  const url = new URL(api.url);
  const signer = new SignatureV4({
    service: 'appsync',
    region: 'eu-west-1',
    credentials: { accessKeyId: iamUser.accessKeyId, secretAccessKey },
    sha256: Sha256,
    // Amplify's and aws-appsync-auth-link's signers send no x-amz-content-sha256: the body is hashed by the verifier
    applyChecksum: false,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path,
    headers: {
      accept: 'application/json, text/javascript',
      'content-encoding': 'amz-1.0',
      'content-type': 'application/json; charset=UTF-8',
      host,
    },
    body,
  });
  return signed.headers as Record<string, string>;
}

type Mode = 'API_KEY' | 'AMAZON_COGNITO_USER_POOLS' | 'AWS_IAM' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

function cognitoToken(username = 'ada'): Promise<string> {
  return mintIdToken(keys.keys, { username });
}

function oidcToken(audience = 'web-app'): Promise<string> {
  return mintOidcToken(keys.keys, { issuer: OIDC_ISSUER, subject: 'oidc-user', audience });
}

/** A mode's header object for the handshake, as the page shows it. */
async function handshakeAuthorization(mode: Mode): Promise<Record<string, string>> {
  switch (mode) {
    case 'API_KEY':
      return { host, 'x-api-key': API_KEY };
    case 'AMAZON_COGNITO_USER_POOLS':
      return { host, Authorization: await cognitoToken() };
    case 'AWS_IAM':
      return iamHeaders('/graphql/connect', '{}');
    case 'OPENID_CONNECT':
      return { host, Authorization: await oidcToken() };
    case 'AWS_LAMBDA':
      return { host, Authorization: 'allow-lambda' };
  }
}

/** A start message whose credentials are the mode's; IAM signs the start's `data`. */
async function startMessage(id: string, mode: Mode, query: string, variables: Record<string, unknown> = {}) {
  const data = JSON.stringify({ query, variables });
  const authorization = mode === 'AWS_IAM' ? await iamHeaders('/graphql', data) : await handshakeAuthorization(mode);
  return { id, type: 'start', payload: { data, extensions: { authorization } } };
}

async function connect(authorization: Record<string, string>, via: 'query' | 'subprotocol' = 'query'): Promise<RealtimeClient> {
  const client = await RealtimeClient.open(api, authorization, via);
  client.send({ type: 'connection_init' });
  return client;
}

async function start(client: RealtimeClient, message: { id: string }): Promise<Message> {
  client.send(message);
  return client.next(['start_ack', 'error'], message.id);
}

/** A mutation over HTTP, by API key. */
function mutate(query: string, variables: Record<string, unknown> = {}) {
  return postGraphQL(api, query, variables, { 'x-api-key': API_KEY });
}

const ON_ITEM = 'subscription ($id: ID) { onItem(id: $id) { id title secret } }';
const MODES: Mode[] = ['API_KEY', 'AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'OPENID_CONNECT', 'AWS_LAMBDA'];

describe('the real-time endpoint admits every authorization mode', () => {
  it.each(MODES)('%s: handshake and start in that mode, then the mutation’s data', async (mode) => {
    const client = await connect(await handshakeAuthorization(mode), mode === 'AWS_IAM' ? 'subprotocol' : 'query');
    expect((await client.next(['connection_ack', 'connection_error'])).type).toBe('connection_ack');
    expect(await start(client, await startMessage('s1', mode, ON_ITEM, { id: `item-${mode}` }))).toEqual({ type: 'start_ack', id: 's1' });
    const mutation = await mutate(
      'mutation ($id: ID!) { putItem(id: $id, title: "Hello", secret: "s3cret") { id title secret } }',
      { id: `item-${mode}` },
    );
    expect(mutation.errors, JSON.stringify(mutation.errors)).toBeUndefined();
    // `secret` is @aws_iam @aws_api_key: the other modes' subscribers get null in its place
    const secret = mode === 'AWS_IAM' || mode === 'API_KEY' ? 's3cret' : null;
    expect(await client.next('data', 's1')).toEqual({
      type: 'data',
      id: 's1',
      payload: { data: { onItem: { id: `item-${mode}`, title: 'Hello', secret } } },
    });
    await client.close();
  });

  it.each(['AWS_IAM', 'AMAZON_COGNITO_USER_POOLS'] as Mode[])('%s: the handshake in the other form (query parameter for IAM, subprotocol for the token)', async (mode) => {
    const client = await connect(await handshakeAuthorization(mode), mode === 'AWS_IAM' ? 'query' : 'subprotocol');
    expect((await client.next(['connection_ack', 'connection_error'])).type).toBe('connection_ack');
    expect((await start(client, await startMessage('s2', mode, ON_ITEM))).type).toBe('start_ack');
    await client.close();
  });

  it('one connection holds subscriptions of different modes (the page’s step 5), each authorized as its own', async () => {
    const client = await connect(await handshakeAuthorization('API_KEY'));
    await client.next('connection_ack');
    expect((await start(client, await startMessage('by-oidc', 'OPENID_CONNECT', ON_ITEM, { id: 'mixed' }))).type).toBe('start_ack');
    expect((await start(client, await startMessage('by-iam', 'AWS_IAM', ON_ITEM, { id: 'mixed' }))).type).toBe('start_ack');
    await mutate('mutation { putItem(id: "mixed", title: "Both", secret: "not-oidc") { id title secret } }');
    expect((await client.next('data', 'by-oidc')).payload).toEqual({ data: { onItem: { id: 'mixed', title: 'Both', secret: null } } });
    expect((await client.next('data', 'by-iam')).payload).toEqual({ data: { onItem: { id: 'mixed', title: 'Both', secret: 'not-oidc' } } });
    await client.close();
  });

  it("runs the subscription resolver with the subscriber's mode and identity", async () => {
    const client = await connect(await handshakeAuthorization('API_KEY'));
    await client.next('connection_ack');
    for (const mode of MODES) {
      expect((await start(client, await startMessage(mode, mode, 'subscription { onMyMode { id title } }'))).type).toBe('start_ack');
    }
    const authTypes: Record<Mode, string> = {
      API_KEY: 'API Key Authorization',
      AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
      AWS_IAM: 'IAM Authorization',
      OPENID_CONNECT: 'Open ID Connect Authorization',
      AWS_LAMBDA: 'Lambda Authorization',
    };
    for (const mode of MODES) {
      await mutate('mutation ($title: String) { putItem(id: "mine", title: $title) { id title } }', { title: authTypes[mode] });
      expect((await client.next('data', mode)).payload).toEqual({ data: { onMyMode: { id: 'mine', title: authTypes[mode] } } });
    }
    // each subscriber got its own mode's item only
    expect(MODES.map((mode) => client.dataFor(mode).length)).toEqual([1, 1, 1, 1, 1]);
    await client.close();
  });

  it("applies a Lambda authorizer's deniedFields to that subscriber's data", async () => {
    const client = await connect({ host, Authorization: 'allow-no-title' });
    await client.next('connection_ack');
    const message = await startMessage('limited', 'API_KEY', ON_ITEM, { id: 'denied' });
    message.payload.extensions.authorization = { host, Authorization: 'allow-no-title' };
    expect((await start(client, message)).type).toBe('start_ack');
    await mutate('mutation { putItem(id: "denied", title: "Hidden", secret: "x") { id title secret } }');
    expect((await client.next('data', 'limited')).payload).toEqual({ data: { onItem: { id: 'denied', title: null, secret: null } } });
    await client.close();
  });
});

/** A token whose signature no longer matches its claims. */
function tampered(token: string): string {
  const [header, payload, signature] = token.split('.');
  return [header, payload, `${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`].join('.');
}

/** The refused credentials of each mode, with the error AppSync sends for them at connect and at start. */
const REFUSALS: { name: string; authorization: (path: string, body: string) => Promise<Record<string, string>>; atConnect: object; atStart: object }[] = [
  {
    name: 'API_KEY: an unknown key',
    authorization: async () => ({ host, 'x-api-key': 'da2-unknown' }),
    atConnect: { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 },
    atStart: { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 },
  },
  {
    name: 'AMAZON_COGNITO_USER_POOLS: a token whose signature does not match',
    authorization: async () => ({ host, Authorization: tampered(await cognitoToken()) }),
    atConnect: { errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 },
    atStart: { errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 },
  },
  {
    name: 'OPENID_CONNECT: a token for another client id',
    authorization: async () => ({ host, Authorization: await oidcToken('another-app') }),
    atConnect: { errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 },
    atStart: { errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 },
  },
  {
    name: 'AWS_LAMBDA: the authorizer answers isAuthorized: false',
    authorization: async () => ({ host, Authorization: 'deny-me' }),
    atConnect: { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 },
    atStart: { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 },
  },
  {
    // aws/aws-appsync-community#373 (connect); awslabs/aws-mobile-appsync-sdk-js#619 and #561 (start)
    name: 'AWS_IAM: a signature made with the wrong secret key',
    authorization: (path, body) => iamHeaders(path, body, 'wrong-secret-0123456789abcdefghijklmnopqrs'),
    atConnect: { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 },
    atStart: {
      errorType: 'BadRequestException',
      message: expect.stringMatching(/^The request signature we calculated does not match the signature you provided\./),
    },
  },
];

describe('refused credentials, in the error messages of the real-time protocol', () => {
  it.each(REFUSALS)('$name: connection_error at connect, then the connection closes', async ({ authorization, atConnect }) => {
    const client = await connect(await authorization('/graphql/connect', '{}'));
    expect(await client.next(['connection_ack', 'connection_error'])).toEqual({ type: 'connection_error', payload: { errors: [atConnect] } });
    await client.closed;
  });

  it.each(REFUSALS)('$name: error for that start, the connection goes on', async ({ authorization, atStart }) => {
    const client = await connect(await handshakeAuthorization('API_KEY'));
    await client.next('connection_ack');
    const message = await startMessage('refused', 'API_KEY', ON_ITEM);
    message.payload.extensions.authorization = await authorization('/graphql', message.payload.data);
    expect(await start(client, message)).toEqual({ type: 'error', id: 'refused', payload: { errors: [atStart] } });
    expect((await start(client, await startMessage('admitted', 'API_KEY', ON_ITEM))).type).toBe('start_ack');
    await client.close();
  });

  it("AWS_IAM: a start signed over another start's data is refused", async () => {
    const client = await connect(await handshakeAuthorization('AWS_IAM'));
    await client.next('connection_ack');
    const message = await startMessage('replayed', 'AWS_IAM', ON_ITEM, { id: 'a' });
    message.payload.data = JSON.stringify({ query: ON_ITEM, variables: { id: 'b' } });
    const answer = await start(client, message);
    expect(answer).toMatchObject({ type: 'error', id: 'replayed', payload: { errors: [{ errorType: 'BadRequestException' }] } });
    await client.close();
  });

  it('AWS_IAM: a handshake signed for the GraphQL endpoint instead of <endpoint>/connect is refused', async () => {
    const client = await connect(await iamHeaders('/graphql', '{}'));
    expect((await client.next(['connection_ack', 'connection_error'])).type).toBe('connection_error');
    await client.closed;
  });
});

describe("a subscriber whose mode the subscription field does not admit", () => {
  it.each(['API_KEY', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'] as Mode[])(
    '%s on an @aws_iam subscription: Unauthorized, as over HTTP',
    async (mode) => {
      const client = await connect(await handshakeAuthorization(mode));
      await client.next('connection_ack');
      const answer = await start(client, await startMessage('iam-only', mode, 'subscription { onIamItem { id } }'));
      expect(answer).toMatchObject({
        type: 'error',
        id: 'iam-only',
        payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onIamItem on type Subscription' }] },
      });
      await client.close();
    },
  );

  it('AWS_IAM on the same subscription is admitted and receives data', async () => {
    const client = await connect(await handshakeAuthorization('AWS_IAM'));
    await client.next('connection_ack');
    expect((await start(client, await startMessage('iam', 'AWS_IAM', 'subscription { onIamItem(id: "iam-only") { id secret } }'))).type).toBe('start_ack');
    await mutate('mutation { putItem(id: "iam-only", secret: "k") { id secret } }');
    expect((await client.next('data', 'iam')).payload).toEqual({ data: { onIamItem: { id: 'iam-only', secret: 'k' } } });
    await client.close();
  });
});
