// CommonJS handlers (a .js file without "type": "module"), as Lambda's
// Node.js runtime loads them.
let invocations = 0;

exports.echo = async (event, context) => {
  invocations += 1;
  return {
    event,
    invocations,
    greeting: process.env.GREETING ?? null,
    region: process.env.AWS_REGION,
    functionName: context.functionName,
    awsRequestId: context.awsRequestId,
    remainingMs: context.getRemainingTimeInMillis(),
  };
};

exports.withCallback = (event, context, callback) => {
  setTimeout(() => callback(null, { doubled: event.n * 2 }), 1);
};

exports.fail = async (event) => {
  const error = new Error(`no post ${event.id}`);
  error.name = 'PostNotFound';
  throw error;
};

exports.spin = async () => {
  for (;;) {
    // a handler that never yields: only stopping its environment ends it
  }
};

exports.exit = async () => {
  process.exit(3);
};

// a batch handler: one result per event, in order
exports.authors = async (events) =>
  events.map((event) => ({ id: event.authorId, name: `author ${event.authorId}`, batchSize: events.length }));
