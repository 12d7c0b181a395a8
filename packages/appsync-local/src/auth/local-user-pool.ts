// The Cognito user pools the local runtime stands in for. An app fixes and
// documents its pool's ids so that tokens minted earlier keep working across
// restarts.

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

/** A local stand-in for a user pool and its app client, under ids nobody mistakes for a real pool's. */
export function localUserPool(userPoolId: string, clientId: string, region = LOCAL_REGION): Readonly<UserPoolIdentity> {
  return Object.freeze({ region, userPoolId, clientId, issuer: cognitoIssuer(region, userPoolId) });
}

/** The pool tokens are minted for when no other is named. */
export const LOCAL_USER_POOL = localUserPool('local_UserPool', 'local-client');
