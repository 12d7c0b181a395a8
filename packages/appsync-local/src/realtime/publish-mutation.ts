import { getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { AppSyncResponseBody } from '../graphql/appsync-response.ts';
import type { OperationRequest } from '../graphql/execute-operation.ts';
import { fragmentsOf, selectedFields } from '../graphql/selected-fields.ts';
import { validDocument, type ValidationVariant } from '../graphql/valid-documents.ts';
import { isRecord } from '../is-record.ts';
import type { RequestUsage } from '../types.ts';
import type { SubscriptionTriggers } from './subscribe-directives.ts';
import { publishedResult } from './subscription-payload.ts';
import type { SubscriptionRegistry } from './subscription-registry.ts';

// After a mutation over HTTP: each of its root fields that succeeded (a value,
// and no error at that field) is published to the subscription fields whose
// @aws_subscribe names it; then the invalidations its resolvers asked for with
// `extensions.invalidateSubscriptions({ subscriptionField, payload })` end the
// matching subscriptions.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html

export interface ExecutedOperation {
  request: OperationRequest;
  body: AppSyncResponseBody;
  usage: RequestUsage;
}

export type OperationObserver = (executed: ExecutedOperation) => void;

function documentOf(schema: GraphQLSchema, query: string, variant: ValidationVariant): DocumentNode {
  return validDocument(schema, query, variant) ?? parse(query);
}

function applyInvalidations(usage: RequestUsage, registry: SubscriptionRegistry): void {
  for (const call of usage.subscriptionInvalidations) {
    const invalidation: unknown = JSON.parse(call);
    if (isRecord(invalidation) && typeof invalidation.subscriptionField === 'string' && isRecord(invalidation.payload)) {
      registry.invalidate(invalidation.subscriptionField, invalidation.payload);
    }
  }
}

export function mutationPublisher(
  schema: GraphQLSchema,
  triggers: SubscriptionTriggers,
  registry: SubscriptionRegistry,
  variant: ValidationVariant,
): OperationObserver {
  const mutationType = schema.getMutationType();
  return ({ request, body, usage }) => {
    if (!mutationType || !isRecord(body.data)) {
      return;
    }
    const document = documentOf(schema, request.query, variant);
    const operation = getOperationAST(document, request.operationName);
    if (operation?.operation !== 'mutation') {
      return;
    }
    const scope = { fragments: fragmentsOf(document), variableValues: request.variables ?? {} };
    // an error of the root field itself (not of a field inside its value)
    const failedKeys = new Set((body.errors ?? []).filter((error) => error.path?.length === 1).map((error) => error.path?.[0]));
    for (const field of selectedFields([operation.selectionSet], mutationType, scope)) {
      const subscriptionFields = triggers.get(field.fieldName);
      const answer = body.data[field.responseKey];
      if (!subscriptionFields || !field.type || !isRecord(answer) || failedKeys.has(field.responseKey)) {
        continue;
      }
      const published = publishedResult(schema, answer, { nodes: field.nodes, type: field.type, scope });
      for (const subscriptionField of subscriptionFields) {
        registry.publish(subscriptionField, published as Record<string, unknown>);
      }
    }
    applyInvalidations(usage, registry);
  };
}
