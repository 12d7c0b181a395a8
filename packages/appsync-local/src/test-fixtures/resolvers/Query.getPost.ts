import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';

// A resolver of the AWS docs' posts table, for the package's own tests.
// `SERVICE` is defined at bundle time, as an app's build might define its version.

declare const SERVICE: string;

export function request(ctx: Context<{ id: string }>) {
  if (ctx.args.id.trim() === '') {
    util.error('Invalid input: id must not be blank', 'ValidationError', null, { field: 'id' });
  }
  console.log(`${SERVICE} reads post`, ctx.args.id);
  return get({ key: { id: ctx.args.id } });
}

export function response(ctx: Context) {
  return ctx.result;
}
