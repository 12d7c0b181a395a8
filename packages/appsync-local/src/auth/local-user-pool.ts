// The Cognito user pool the local runtime stands in for. Its ids are fixed
// and documented so that tokens minted by `npm run token` keep working across
// restarts, and so that nobody mistakes them for a real pool's ids.

/** What identifies a user pool and the app client its tokens are issued to. */
export interface UserPoolIdentity {
  region: string;
  userPoolId: string;
  /** the app client id: `aud` of ID tokens, `client_id` of access tokens */
  clientId: string;
  /** `iss` of every token the pool issues */
  issuer: string;
}

/**
 * Cognito's issuer format: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

const LOCAL_REGION = 'us-east-1';
const LOCAL_USER_POOL_ID = 'local_EventsUserPool';

/** The local stand-in for the Events API's user pool and its web client. */
export const LOCAL_USER_POOL: Readonly<UserPoolIdentity> = Object.freeze({
  region: LOCAL_REGION,
  userPoolId: LOCAL_USER_POOL_ID,
  clientId: 'local-events-client',
  issuer: cognitoIssuer(LOCAL_REGION, LOCAL_USER_POOL_ID),
});
