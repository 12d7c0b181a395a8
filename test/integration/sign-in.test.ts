import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EVENT, eventInput } from '../support/event-operations';
import { graphqlClient } from '../support/graphql-client';
import { startLocalApi, type LocalApi } from '../support/local-api';
import { localUserSub, SIGN_IN_PATH } from 'appsync-local';
import { EVENTS_USER_POOL } from '../../dev/events-api.ts';

// A browser frontend signs in to the local user pool as it would to Cognito:
// InitiateAuth with USER_PASSWORD_AUTH at the endpoint Amplify's
// `Auth.Cognito.userPoolEndpoint` names, sent here by AWS's own Cognito client.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html

const FRONTEND_ORIGIN = 'http://localhost:5173';

let api: LocalApi;
let cognito: CognitoIdentityProviderClient;
beforeAll(async () => {
  api = await startLocalApi({ allowedOrigins: [FRONTEND_ORIGIN] });
  cognito = new CognitoIdentityProviderClient({
    endpoint: `${api.origin}${SIGN_IN_PATH}`,
    region: EVENTS_USER_POOL.region,
    credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
  });
});
afterAll(() => api?.close());

function signIn(overrides: Partial<InitiateAuthCommandInput> = {}) {
  return cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: EVENTS_USER_POOL.clientId,
      AuthParameters: { USERNAME: 'dana', PASSWORD: 'any password' },
      ...overrides,
    }),
  );
}

describe('signing in to the local user pool (InitiateAuth)', () => {
  it('returns ID and access tokens, with either of which the user creates an event of their own', async () => {
    const { AuthenticationResult: tokens } = await signIn();
    expect(tokens).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(decodeJwt(tokens!.AccessToken!)).toMatchObject({ token_use: 'access', username: 'dana' });

    // Amplify sends the access token (authMode 'userPool'); other clients the ID token
    for (const token of [tokens!.AccessToken!, tokens!.IdToken!]) {
      const asDana = graphqlClient(`${api.origin}/graphql`, { authorization: token });
      const { data, errors } = await asDana.request(CREATE_EVENT, { input: eventInput() });
      expect(errors).toBeUndefined();
      expect(data!.createEvent.ownerId).toBe(localUserSub('dana'));
    }
  });

  it('puts the user in the groups ClientMetadata.groups lists', async () => {
    const { AuthenticationResult: tokens } = await signIn({ ClientMetadata: { groups: 'admins, editors' } });
    expect(decodeJwt(tokens!.IdToken!)['cognito:groups']).toEqual(['admins', 'editors']);
  });

  it("refuses Amplify's default SRP flow, saying which flow to ask for", async () => {
    await expect(
      signIn({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'dana', SRP_A: 'ab' } }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("authFlowType: 'USER_PASSWORD_AUTH'"),
    });
  });

  it('refuses another app client and a missing password, as Cognito does', async () => {
    await expect(signIn({ ClientId: 'someone-elses-client' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(signIn({ AuthParameters: { USERNAME: 'dana' } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('lets a frontend dev server call it from the browser: the preflight allows what Amplify sends', async () => {
    const preflight = await fetch(`${api.origin}${SIGN_IN_PATH}`, {
      method: 'OPTIONS',
      headers: {
        origin: FRONTEND_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'cache-control,content-type,x-amz-target,x-amz-user-agent',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(FRONTEND_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'cache-control, content-type, x-amz-target, x-amz-user-agent',
    );
  });
});
