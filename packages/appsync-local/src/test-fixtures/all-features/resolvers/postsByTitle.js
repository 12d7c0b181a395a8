import { query } from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  return query({ query: { author: { eq: ctx.args.author } }, index: 'byTitle' });
}

export function response(ctx) {
  return ctx.result.items;
}
