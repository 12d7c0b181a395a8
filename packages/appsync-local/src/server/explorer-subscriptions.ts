// The explorer's subscriptions: a script the page loads, defining
// `appSyncFetcher(httpFetcher, realtimeUrl, defaultHeaders)`, a GraphiQL
// fetcher that sends queries and mutations over HTTP as before and runs
// subscriptions over AppSync's real-time protocol: the credentials of the
// Headers tab (plus `host`) in a `header-<base64url>` subprotocol and in the
// start message, connection_init, start, then every `data` payload as a
// result, until the subscription ends (stop when the user stops it).
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
// It is browser JavaScript kept as text: the server sends it as it is.

export const EXPLORER_SUBSCRIPTIONS_SCRIPT = String.raw`
function appSyncFetcher(httpFetcher, realtimeUrl, defaultHeaders) {
  function base64Url(text) {
    let binary = '';
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function isSubscription(params, documentAST) {
    const operations = (documentAST ? documentAST.definitions : []).filter((d) => d.kind === 'OperationDefinition');
    const operation = operations.find((d) => d.name && d.name.value === params.operationName) || operations[0];
    return Boolean(operation) && operation.operation === 'subscription';
  }

  function subscribe(params, headers) {
    const authorization = Object.assign({ host: new URL(realtimeUrl).host }, headers);
    const socket = new WebSocket(realtimeUrl, ['graphql-ws', 'header-' + base64Url(JSON.stringify(authorization))]);
    const results = [];
    const waiting = [];
    let done = false;
    const push = (result) => (waiting.length > 0 ? waiting.shift()({ value: result, done: false }) : results.push(result));
    const finish = () => {
      done = true;
      while (waiting.length > 0) waiting.shift()({ value: undefined, done: true });
      if (socket.readyState === WebSocket.OPEN) socket.close(1000);
    };
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        const data = JSON.stringify({ query: params.query, variables: params.variables || {}, operationName: params.operationName });
        socket.send(JSON.stringify({ id: '1', type: 'start', payload: { data, extensions: { authorization } } }));
      } else if (message.type === 'data') {
        push(message.payload);
      } else if (message.type === 'error' || message.type === 'connection_error') {
        push({ errors: message.payload.errors });
        finish();
      } else if (message.type === 'complete') {
        finish();
      }
    };
    socket.onclose = () => finish();
    return {
      [Symbol.asyncIterator]() {
        return {
          next: () =>
            results.length > 0
              ? Promise.resolve({ value: results.shift(), done: false })
              : done
                ? Promise.resolve({ value: undefined, done: true })
                : new Promise((resolve) => waiting.push(resolve)),
          return: () => {
            if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ id: '1', type: 'stop' }));
            finish();
            return Promise.resolve({ value: undefined, done: true });
          },
        };
      },
    };
  }

  return (params, options) =>
    isSubscription(params, options && options.documentAST)
      ? subscribe(params, Object.assign({}, defaultHeaders, options && options.headers))
      : httpFetcher(params, options);
}
`;
