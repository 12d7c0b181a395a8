import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSyncApi } from '../start-appsync-api.ts';
import { answerOf, seenByResolver, startAuthTestApi } from './auth-test-api.ts';
import { iamUserCredentials, LOCAL_ACCOUNT_ID } from './local-iam-credentials.ts';

// AWS_IAM through real HTTP requests signed by the AWS SDK's own SigV4
// signer (@smithy/signature-v4), with the service name Amplify and
// aws-appsync-auth-link sign AppSync requests with: `appsync`.
// Refusals as AppSync answers them: see sigv4-authenticator.ts.

const user = iamUserCredentials('AKIALOCALTESTUSER001', 'local-secret-0123456789abcdefghijklmnopqr');
const temporary = { ...iamUserCredentials('ASIALOCALTESTROLE001', 'role-secret-0123456789abcdefghijklmnopqr'), sessionToken: 'session-token-1' };
const API_KEY = 'da2-iam-test';
let api: AppSyncApi;

beforeAll(async () => {
  api = await startAuthTestApi({
    default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] },
    additional: [{ type: 'AWS_IAM', credentials: [user, temporary] }],
  });
});

afterAll(() => api?.close());

interface Signing {
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  service?: string;
  signingDate?: Date;
}

function signerFor({ credentials = user, service = 'appsync' }: Signing) {
  return new SignatureV4({ service, region: 'eu-west-1', credentials, sha256: Sha256 });
}

function requestOf(method: string, query: Record<string, string>, body?: string) {
  const { hostname, port } = new URL(api.url);
  return {
    method,
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: '/graphql',
    query,
    headers: { host: `${hostname}:${port}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body,
  };
}

function send(signed: { method: string; headers: Record<string, string>; query?: Record<string, unknown> }, body?: string) {
  const { host: _host, ...headers } = signed.headers;
  const query = new URLSearchParams(signed.query as Record<string, string>).toString();
  return fetch(`${api.url}/graphql${query ? `?${query}` : ''}`, { method: signed.method, headers, body }).then(answerOf);
}

/** A POST signed in the Authorization header, as Amplify sends it. */
async function signedPost(query: string, signing: Signing = {}, sentBody?: string) {
  const body = JSON.stringify({ query });
  const signed = await signerFor(signing).sign(requestOf('POST', {}, body), { signingDate: signing.signingDate });
  return send(signed as never, sentBody ?? body);
}

/** A GET signed in its query string (a presigned URL). */
async function presignedGet(query: string, signing: Signing = {}, expiresIn = 300) {
  const signed = await signerFor(signing).presign(requestOf('GET', { query }), { expiresIn, signingDate: signing.signingDate });
  return send(signed as never);
}

describe('AWS_IAM: SigV4-signed requests', () => {
  it('admits a signed POST, with the IAM identity and util.authType() AppSync documents', async () => {
    const answer = await signedPost('{ whoAmI }');
    expect(answer.status).toBe(200);
    expect(seenByResolver(answer)).toEqual({
      authType: 'IAM Authorization',
      identity: {
        accountId: LOCAL_ACCOUNT_ID,
        userArn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/appsync-local`,
        username: 'AIDALOCALTESTUSER001',
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
        sourceIp: ['127.0.0.1'],
      },
    });
  });

  it('admits a presigned GET (the signature in the query string)', async () => {
    const answer = await presignedGet('{ whoAmI }');
    expect(answer.status).toBe(200);
    expect(seenByResolver(answer).authType).toBe('IAM Authorization');
  });

  it('admits temporary credentials with their session token', async () => {
    expect((await signedPost('{ whoAmI }', { credentials: temporary })).status).toBe(200);
  });

  it('applies @aws_iam: an IAM caller reads @aws_iam fields only, not the default (API key) mode', async () => {
    const answer = await signedPost('{ iamOnly apiKeyOnly defaultModeOnly }');
    expect(answer.body.data).toEqual({ iamOnly: expect.any(String), apiKeyOnly: null, defaultModeOnly: null });
    expect(answer.body.errors?.map((error) => [error.errorType, error.message])).toEqual([
      ['Unauthorized', 'Not Authorized to access apiKeyOnly on type Query'],
      ['Unauthorized', 'Not Authorized to access defaultModeOnly on type Query'],
    ]);
    const byKey = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ query: '{ iamOnly defaultModeOnly }' }),
    }).then(answerOf);
    expect(byKey.body.data).toEqual({ iamOnly: null, defaultModeOnly: expect.any(String) });
  });
});

describe('AWS_IAM refusals', () => {
  const invalidSignature = {
    errorType: 'InvalidSignatureException',
    message: expect.stringMatching(/^The request signature we calculated does not match the signature you provided\./),
  };

  it('refuses a signature made with the wrong secret: 403 InvalidSignatureException', async () => {
    const answer = await signedPost('{ whoAmI }', { credentials: { ...user, secretAccessKey: 'not-the-secret' } });
    expect(answer).toEqual({ status: 403, body: { errors: [invalidSignature] } });
  });

  it('refuses a body changed after signing (the signer declared its hash in x-amz-content-sha256)', async () => {
    const answer = await signedPost('{ whoAmI }', {}, JSON.stringify({ query: '{ iamOnly }' }));
    expect(answer).toEqual({
      status: 403,
      body: {
        errors: [
          { errorType: 'InvalidSignatureException', message: "The provided 'x-amz-content-sha256' header does not match what was computed." },
        ],
      },
    });
  });

  it('refuses an unknown access key or a missing session token: 403 UnrecognizedClientException', async () => {
    const unrecognized = {
      status: 403,
      body: { errors: [{ errorType: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }] },
    };
    expect(await signedPost('{ whoAmI }', { credentials: { ...user, accessKeyId: 'AKIAUNKNOWN000000000' } })).toEqual(unrecognized);
    const { sessionToken: _token, ...withoutToken } = temporary;
    expect(await signedPost('{ whoAmI }', { credentials: withoutToken })).toEqual(unrecognized);
  });

  it('refuses an X-Amz-Date more than 5 minutes old or ahead, in AWS words', async () => {
    const old = await signedPost('{ whoAmI }', { signingDate: new Date(Date.now() - 10 * 60_000) });
    expect(old.status).toBe(403);
    expect(old.body.errors?.[0]).toEqual({
      errorType: 'InvalidSignatureException',
      message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/),
    });
    const ahead = await signedPost('{ whoAmI }', { signingDate: new Date(Date.now() + 10 * 60_000) });
    expect(ahead.body.errors?.[0].message).toMatch(/^Signature not yet current: .* is still later than .* \+ 5 min\.\)$/);
  });

  it('refuses a presigned URL past its X-Amz-Expires', async () => {
    const answer = await presignedGet('{ whoAmI }', { signingDate: new Date(Date.now() - 120_000) }, 60);
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0].message).toMatch(/^Signature expired:/);
  });

  it('refuses a signature for another service', async () => {
    const answer = await signedPost('{ whoAmI }', { service: 'execute-api' });
    expect(answer).toEqual({
      status: 403,
      body: { errors: [{ errorType: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'appsync'. " }] },
    });
  });

  it('refuses an Authorization header without a signature, and a request with no credentials at all', async () => {
    const unsigned = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `AWS4-HMAC-SHA256 Credential=${user.accessKeyId}/20250101/eu-west-1/appsync/aws4_request` },
      body: JSON.stringify({ query: '{ whoAmI }' }),
    }).then(answerOf);
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.errors?.[0]).toMatchObject({ errorType: 'IncompleteSignatureException' });
    const bare = await fetch(`${api.url}/graphql`, { method: 'POST', body: JSON.stringify({ query: '{ whoAmI }' }) }).then(answerOf);
    expect(bare).toEqual({
      status: 401,
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] },
    });
  });
});

describe('an API whose only mode is AWS_IAM', () => {
  let iamApi: AppSyncApi;
  beforeAll(async () => {
    iamApi = await startAuthTestApi({ default: { type: 'AWS_IAM', credentials: [user] } });
  });
  afterAll(() => iamApi?.close());

  function post(headers: Record<string, string>) {
    return fetch(`${iamApi.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ whoAmI }' }) }).then(answerOf);
  }

  it('refuses a JWT in the Authorization header as an incomplete signature (aws-amplify/amplify-js#2035)', async () => {
    expect(await post({ authorization: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' })).toEqual({
      status: 403,
      body: {
        errors: [
          {
            errorType: 'IncompleteSignatureException',
            message:
              "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
              "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
              'Authorization=eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
          },
        ],
      },
    });
  });

  it('refuses a request without credentials: MissingAuthenticationTokenException (aws-amplify/amplify-js#1311)', async () => {
    expect(await post({})).toEqual({
      status: 403,
      body: { errors: [{ errorType: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' }] },
    });
  });
});
