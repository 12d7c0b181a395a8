// The messages AppSync puts in its HTTP 401 `UnauthorizedException` answers.
// AWS documents the status and errorType but not these texts; they are the
// ones AppSync is commonly reported to return, e.g.
// https://github.com/aws/aws-appsync-community/issues/198 ("Unable to parse JWT token.")
// https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error

export const UNAUTHORIZED_MESSAGES = {
  /** no usable credentials, or a JWT that fails verification (signature, issuer, audience, token use) */
  noValidHeader: 'Valid authorization header not provided.',
  /** an API key that is unknown or expired */
  notAuthorized: 'You are not authorized to make this call.',
  /** an Authorization header that is not a JWT (including one prefixed with `Bearer `) */
  unparsableToken: 'Unable to parse JWT token.',
  /** a JWT whose `exp` has passed */
  expiredToken: 'Token has expired.',
} as const;
