import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../dynamodb/tcp-port.ts';
import { handlers } from '../engine/test-support.ts';
import { postGraphQL } from '../server/test-support.ts';
import { startAppSyncApi, type AppSyncApi } from '../start-appsync-api.ts';
import type { ResolverDefinition } from '../types.ts';
import { LOCAL_SIGNING_CREDENTIALS } from './sigv4-signer.ts';
import { startStandInEndpoint, verifySigV4, type StandInEndpoint } from './test-support.ts';

// HTTP data sources against a real HTTP server on 127.0.0.1, with the
// requests of "AWS AppSync JavaScript resolver function reference for HTTP":
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html

const API_KEY = 'da2-http';
const SCHEMA = /* GraphQL */ `
  type Query {
    forecast(city: String!): AWSJSON
    missing: AWSJSON
    signed: AWSJSON
    unreachable: String
    badMethod: String
  }
  type Mutation {
    report(city: String!, celsius: Int!): AWSJSON
  }
`;

const onError = 'if (ctx.error) { util.error(ctx.error.message, ctx.error.type); } return JSON.stringify(ctx.result);';
const unit = (typeName: string, fieldName: string, dataSource: string, request: string): ResolverDefinition => ({
  kind: 'UNIT',
  typeName,
  fieldName,
  dataSource,
  bundle: handlers(`${typeName}.${fieldName}`, request, onError),
});

let endpoint: StandInEndpoint;
let api: AppSyncApi;
let nowhere: string;

beforeAll(async () => {
  nowhere = `http://127.0.0.1:${await freePort()}`;
  endpoint = await startStandInEndpoint((request) =>
    request.url === '/v1/missing' ? { status: 404, body: 'no such thing' } : { status: 200, body: JSON.stringify(request) },
  );
  api = await startAppSyncApi({
    schema: SCHEMA,
    resolvers: () => [
      unit('Query', 'forecast', 'weather', `return { method: 'GET', resourcePath: '/forecast', params: { query: { city: ctx.args.city, days: 3 }, headers: { 'X-Trace': 't-1' } } };`),
      unit('Mutation', 'report', 'weather', `return { method: 'POST', resourcePath: '/reports', params: { headers: { 'Content-Type': 'application/json' }, body: ctx.args } };`),
      unit('Query', 'missing', 'weather', `return { method: 'GET', resourcePath: '/missing' };`),
      unit('Query', 'signed', 'signedWeather', `return { method: 'POST', resourcePath: '/signed', params: { query: { city: 'Paris' }, body: 'hello' } };`),
      unit('Query', 'unreachable', 'nowhere', `return { method: 'GET', resourcePath: '/' };`),
      unit('Query', 'badMethod', 'weather', `return { method: 'FETCH', resourcePath: '/' };`),
    ],
    dataSources: [
      { type: 'HTTP', name: 'weather', endpoint: `${endpoint.url}/v1` },
      { type: 'HTTP', name: 'signedWeather', endpoint: endpoint.url, signing: { region: 'eu-west-1', service: 'execute-api' } },
      { type: 'HTTP', name: 'nowhere', endpoint: nowhere },
    ],
    authorization: { default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] } },
  });
});

afterAll(async () => {
  await api.close();
  await endpoint.close();
});

const query = (text: string) => postGraphQL(api.url, text, { 'x-api-key': API_KEY });
const resultOf = (body: { data?: Record<string, unknown> | null }, field: string) => JSON.parse(body.data![field] as string);

describe('an HTTP data source', () => {
  it('sends method, endpoint path + resourcePath, query and headers, and hands back statusCode, headers and body', async () => {
    const { body } = await query('{ forecast(city: "Paris") }');
    const result = resultOf(body, 'forecast');
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'content-type': 'application/json', 'x-stand-in': 'yes' });
    const received = JSON.parse(result.body);
    expect(received).toMatchObject({ method: 'GET', url: '/v1/forecast?city=Paris&days=3', headers: { 'x-trace': 't-1' } });
  });

  it('sends an object body as JSON', async () => {
    const { body } = await query('mutation { report(city: "Oslo", celsius: -3) }');
    const received = JSON.parse(resultOf(body, 'report').body);
    expect(received).toMatchObject({ method: 'POST', url: '/v1/reports', body: '{"city":"Oslo","celsius":-3}' });
  });

  it('gives an error status to the response handler as a result, not an error', async () => {
    const { body } = await query('{ missing }');
    expect(resultOf(body, 'missing')).toMatchObject({ statusCode: 404, body: 'no such thing' });
  });

  it('signs with SigV4 when asked, and the signature verifies against the local credentials', async () => {
    const { body } = await query('{ signed }');
    const received = JSON.parse(resultOf(body, 'signed').body);
    expect(received.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAAPPSYNCLOCAL0000\/\d{8}\/eu-west-1\/execute-api\/aws4_request, /);
    expect(verifySigV4(received, LOCAL_SIGNING_CREDENTIALS)).toBe(true);
    expect(verifySigV4({ ...received, body: 'tampered' }, LOCAL_SIGNING_CREDENTIALS)).toBe(false);
    expect(verifySigV4(received, { ...LOCAL_SIGNING_CREDENTIALS, secretAccessKey: 'another' })).toBe(false);
  });

  it('reports an endpoint that does not answer in ctx.error', async () => {
    const { body } = await query('{ unreachable }');
    expect(body.errors).toEqual([
      expect.objectContaining({
        errorType: 'Http:HttpRequestException',
        message: `The endpoint ${nowhere} could not be reached: ECONNREFUSED`,
      }),
    ]);
  });

  it('rejects a method HTTP data sources do not send', async () => {
    const { body } = await query('{ badMethod }');
    expect(body.errors).toEqual([
      expect.objectContaining({ errorType: 'MappingTemplate', message: 'method must be one of GET, POST, PUT, PATCH, DELETE' }),
    ]);
  });
});
