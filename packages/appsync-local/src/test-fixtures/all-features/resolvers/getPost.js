import { get } from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  return get({ key: { author: ctx.args.author, createdAt: ctx.args.createdAt } });
}

export function response(ctx) {
  return ctx.result;
}
