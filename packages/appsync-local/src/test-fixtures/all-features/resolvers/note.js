import { get, put } from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  const { id, text } = ctx.args;
  return ctx.info.fieldName === 'addNote' ? put({ key: { id }, item: { text } }) : get({ key: { id } });
}

export function response(ctx) {
  return ctx.result;
}
