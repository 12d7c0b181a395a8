import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const { author, title } = ctx.args;
  return { operation: 'PutEvents', events: [{ source: 'posts', detailType: 'PostAnnounced', detail: { author, title } }] };
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result.Entries[0].EventId;
}
