// A Lambda authorizer as a CDK app ships one (CommonJS, `index.handler`):
// tokens starting with `allow` are admitted, with who they are in resolverContext.
exports.handler = async (event) => ({
  isAuthorized: event.authorizationToken.startsWith('allow'),
  resolverContext: { token: event.authorizationToken, operation: event.requestContext.operationName ?? null, stage: process.env.STAGE ?? null },
  deniedFields: event.authorizationToken === 'allow-no-secrets' ? ['Query.lambdaOnly'] : [],
  ttlOverride: 0,
});
