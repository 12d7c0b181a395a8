// An S3-located resolver (CodeS3Location): each post's author, batched.
export function request(ctx) {
  return { operation: 'BatchInvoke', payload: { authorId: ctx.source.authorId } };
}

export function response(ctx) {
  return ctx.result;
}
