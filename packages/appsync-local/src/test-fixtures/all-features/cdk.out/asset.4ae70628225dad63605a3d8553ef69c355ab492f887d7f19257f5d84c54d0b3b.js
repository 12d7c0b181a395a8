import { put } from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  const { author, createdAt, title } = ctx.args;
  return put({ key: { author, createdAt }, item: { title } });
}

export function response(ctx) {
  return ctx.result;
}
