import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return { operation: 'Invoke', payload: { text: ctx.args.text } };
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return `${ctx.result.words} words, counted by ${ctx.result.by}`;
}
