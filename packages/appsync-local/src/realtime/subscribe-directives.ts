import { getDirectiveValues, type GraphQLSchema } from 'graphql';

// Which subscription fields each mutation field feeds, from the schema's
// `@aws_subscribe(mutations: ["createTicket", …])` directives.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html

/** Subscription field names by the mutation field that triggers them. */
export type SubscriptionTriggers = ReadonlyMap<string, readonly string[]>;

export function subscriptionTriggers(schema: GraphQLSchema): SubscriptionTriggers {
  const triggers = new Map<string, string[]>();
  const subscribe = schema.getDirective('aws_subscribe');
  const subscriptionType = schema.getSubscriptionType();
  if (!subscribe || !subscriptionType) {
    return triggers;
  }
  const mutationFields = schema.getMutationType()?.getFields() ?? {};
  for (const field of Object.values(subscriptionType.getFields())) {
    const mutations = field.astNode ? getDirectiveValues(subscribe, field.astNode)?.mutations : undefined;
    if (!Array.isArray(mutations)) {
      continue;
    }
    for (const mutation of mutations) {
      if (typeof mutation !== 'string' || !mutationFields[mutation]) {
        throw new Error(
          `Subscription.${field.name}: @aws_subscribe names the mutation ${JSON.stringify(mutation)}, which the schema's Mutation type lacks`,
        );
      }
      triggers.set(mutation, [...(triggers.get(mutation) ?? []), field.name]);
    }
  }
  return triggers;
}
