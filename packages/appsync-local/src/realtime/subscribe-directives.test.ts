import { describe, expect, it } from 'vitest';
import { buildAppSyncSchema } from '../graphql/build-schema.ts';
import { subscriptionTriggers } from './subscribe-directives.ts';

// @aws_subscribe(mutations: [...]) ties subscription fields to the mutations that feed them:
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html

const BASE = 'type Item { id: ID! } type Query { item: Item } type Mutation { put: Item remove: Item }';

describe('aws-appsync-real-time-data: @aws_subscribe', () => {
  it('maps each mutation to the subscription fields it feeds', () => {
    const schema = buildAppSyncSchema(`${BASE}
      type Subscription {
        onPut: Item @aws_subscribe(mutations: ["put"])
        onAny: Item @aws_subscribe(mutations: ["put", "remove"])
        unwired: Item
      }`);
    expect(Object.fromEntries(subscriptionTriggers(schema))).toEqual({ put: ['onPut', 'onAny'], remove: ['onAny'] });
  });

  it('refuses a directive naming a mutation the schema lacks, as AppSync refuses the schema', () => {
    const schema = buildAppSyncSchema(`${BASE} type Subscription { onGone: Item @aws_subscribe(mutations: ["gone"]) }`);
    expect(() => subscriptionTriggers(schema)).toThrow(
      'Subscription.onGone: @aws_subscribe names the mutation "gone", which the schema\'s Mutation type lacks',
    );
  });

  it('has nothing to map without a Subscription type', () => {
    expect(subscriptionTriggers(buildAppSyncSchema(BASE)).size).toBe(0);
  });
});
