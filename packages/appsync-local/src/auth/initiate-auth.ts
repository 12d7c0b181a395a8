import type { Handler, LocalRequest, LocalResponse } from '../server/http-pipeline.ts';
import { mintAccessToken, mintIdToken, TOKEN_LIFETIME_SECONDS, type TokenSigner } from './cognito-tokens.ts';
import type { UserPoolIdentity } from './local-user-pool.ts';

// Sign-in for browser frontends: the one Cognito user pool operation a
// frontend needs, InitiateAuth with USER_PASSWORD_AUTH, answered in Cognito's
// JSON protocol, so Amplify's `signIn` works against the local user pool when
// `Auth.Cognito.userPoolEndpoint` points here.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
// The local pool has no passwords: any non-empty password signs the user in,
// and the groups come from ClientMetadata.groups (comma-separated), e.g.
// `signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH',
// clientMetadata: { groups: 'admins' } } })`. Nobody but this machine reaches
// the server (127.0.0.1), and its tokens are valid only for it.

export interface InitiateAuthOptions {
  pool: UserPoolIdentity;
  signer: TokenSigner;
}

const OPERATION_TARGET = 'AWSCognitoIdentityProviderService.InitiateAuth';
const SUPPORTED_FLOW = 'USER_PASSWORD_AUTH';

/** A Cognito error: HTTP 400, its type in `__type` and in the x-amzn-ErrorType header. */
function cognitoError(type: string, message: string): LocalResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': `${type}:` },
    body: JSON.stringify({ __type: type, message }),
  };
}

interface InitiateAuthRequest {
  AuthFlow?: unknown;
  ClientId?: unknown;
  AuthParameters?: Record<string, unknown>;
  ClientMetadata?: Record<string, unknown>;
}

async function readRequest(request: LocalRequest): Promise<InitiateAuthRequest | undefined> {
  const text = (await request.body()).toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as InitiateAuthRequest) : undefined;
  } catch {
    return undefined;
  }
}

function groupsFrom(metadata: Record<string, unknown> | undefined): string[] {
  const groups = typeof metadata?.groups === 'string' ? metadata.groups : '';
  return groups
    .split(',')
    .map((group) => group.trim())
    .filter((group) => group !== '');
}

export function initiateAuthEndpoint({ pool, signer }: InitiateAuthOptions): Handler {
  return async (request) => {
    if (request.headers['x-amz-target'] !== OPERATION_TARGET) {
      return cognitoError(
        'UnknownOperationException',
        `The local user pool answers ${OPERATION_TARGET} only, not ${request.headers['x-amz-target'] ?? 'nothing'}`,
      );
    }
    const body = await readRequest(request);
    if (!body) {
      return cognitoError('SerializationException', 'The request body is not a JSON object');
    }
    if (body.ClientId !== pool.clientId) {
      return cognitoError('ResourceNotFoundException', `User pool client ${String(body.ClientId)} does not exist.`);
    }
    if (body.AuthFlow !== SUPPORTED_FLOW) {
      return cognitoError(
        'InvalidParameterException',
        `The local user pool signs in with ${SUPPORTED_FLOW} only: pass options: { authFlowType: '${SUPPORTED_FLOW}' } to signIn`,
      );
    }
    const username = body.AuthParameters?.USERNAME;
    const password = body.AuthParameters?.PASSWORD;
    if (typeof username !== 'string' || username.trim() === '' || typeof password !== 'string' || password === '') {
      return cognitoError('InvalidParameterException', 'Missing required parameter USERNAME or PASSWORD');
    }
    const tokenOptions = { username, groups: groupsFrom(body.ClientMetadata), pool };
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({
        ChallengeParameters: {},
        AuthenticationResult: {
          AccessToken: await mintAccessToken(signer, tokenOptions),
          IdToken: await mintIdToken(signer, tokenOptions),
          ExpiresIn: TOKEN_LIFETIME_SECONDS.default,
          TokenType: 'Bearer',
        },
      }),
    };
  };
}
