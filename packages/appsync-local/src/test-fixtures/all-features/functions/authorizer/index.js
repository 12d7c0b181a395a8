// The posts API's Lambda authorizer (CommonJS, `index.handler`): admits
// tokens `allow-<name>`, the name reaching resolvers in resolverContext.
exports.handler = async (event) => ({
  isAuthorized: event.authorizationToken.startsWith('allow-'),
  resolverContext: { name: event.authorizationToken.slice('allow-'.length) },
});
