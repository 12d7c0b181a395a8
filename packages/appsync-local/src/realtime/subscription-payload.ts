import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { isRecord } from '../is-record.ts';
import { selectedFields, subSelections, type OperationScope } from '../graphql/selected-fields.ts';

// What a subscriber receives of a mutation's result. "Subscriptions are
// triggered from mutations and the mutation selection set is sent to
// subscribers": a field the subscription selects but the mutation did not is
// null in the subscriber's payload, and the arguments of a subscription match
// the mutation's response fields.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
// https://github.com/aws/aws-appsync-community/issues/109 (an argument the mutation does not select never matches)
//
// Two steps: the mutation's answer (keyed by its aliases) is read back into
// the fields it selected, by field name (`publishedResult`); each subscriber's
// payload is then that value seen through the subscriber's own selection,
// keyed by the subscriber's aliases (`subscriberPayload`).

/** A field's selection within its operation. */
export interface FieldSelection {
  nodes: readonly FieldNode[];
  type: GraphQLOutputType;
  scope: OperationScope;
}

/** For a union or interface, the member type the value names in `__typename`. */
function concreteType(schema: GraphQLSchema, type: GraphQLNamedType, value: Record<string, unknown>): GraphQLNamedType {
  if (!isAbstractType(type) || typeof value.__typename !== 'string') {
    return type;
  }
  return schema.getType(value.__typename) ?? type;
}

/** The mutation field's answer, keyed by field names instead of the mutation's aliases. */
export function publishedResult(schema: GraphQLSchema, answer: unknown, selection: FieldSelection): unknown {
  if (Array.isArray(answer)) {
    return answer.map((item) => publishedResult(schema, item, selection));
  }
  const namedType = getNamedType(selection.type);
  if (!isRecord(answer) || isLeafType(namedType)) {
    return answer;
  }
  const type = concreteType(schema, namedType, answer);
  const result: Record<string, unknown> = {};
  for (const field of selectedFields(subSelections(selection.nodes), type, selection.scope)) {
    if (field.type && Object.hasOwn(answer, field.responseKey) && !Object.hasOwn(result, field.fieldName)) {
      result[field.fieldName] = publishedResult(schema, answer[field.responseKey], { ...selection, nodes: field.nodes, type: field.type });
    }
  }
  return result;
}

/** Whether the subscriber may read `Type.field` (the schema's auth directives). */
export type FieldAccess = (typeName: string, fieldName: string) => boolean;

/**
 * The subscriber's view of a published result: its selection, its aliases;
 * null for what the mutation did not select and for fields its auth mode may
 * not read.
 */
export function subscriberPayload(
  schema: GraphQLSchema,
  published: unknown,
  selection: FieldSelection,
  mayRead: FieldAccess,
): unknown {
  if (published === undefined || published === null) {
    return null;
  }
  if (Array.isArray(published)) {
    return published.map((item) => subscriberPayload(schema, item, selection, mayRead));
  }
  const namedType = getNamedType(selection.type);
  if (!isRecord(published) || isLeafType(namedType)) {
    return published;
  }
  const type = concreteType(schema, namedType, published);
  const payload: Record<string, unknown> = {};
  for (const field of selectedFields(subSelections(selection.nodes), type, selection.scope)) {
    if (field.fieldName === '__typename') {
      payload[field.responseKey] = published.__typename ?? (isObjectType(type) ? type.name : null);
    } else if (field.type && mayRead(type.name, field.fieldName)) {
      payload[field.responseKey] = subscriberPayload(schema, published[field.fieldName], { ...selection, nodes: field.nodes, type: field.type }, mayRead);
    } else {
      payload[field.responseKey] = null;
    }
  }
  return payload;
}
