// A built-in helper refusing its arguments. AppSync reports it as a failure
// of the code at the call (errorType `Code`), worded `code.js:4:10: <message>`
// with no error name in front, as EvaluateCode answers recorded in
// localstack/appsync-utils __tests__/helpers.js and resolvers.test.js.snap show.

/** Enough frames to reach the bundle's call below the helper's own (nested conditions recurse). */
const STACK_FRAMES = 100;

export class HelperCallError extends Error {
  constructor(message: string) {
    const { stackTraceLimit } = Error;
    Error.stackTraceLimit = STACK_FRAMES;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
  }
}
