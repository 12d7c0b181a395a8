import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import { fragmentsOf } from '../graphql/selected-fields.ts';
import { executeOperation, type OperationContext, type OperationRequest } from '../graphql/execute-operation.ts';
import { isRecord } from '../is-record.ts';
import { newRequestUsage, type AuthenticatedCaller, type RequestAuthenticator } from '../types.ts';
import { credentialHeaders, credentialRequest, GRAPHQL_PATH } from './handshake-authorization.ts';
import { REALTIME_ERRORS, type RealtimeError } from './protocol-messages.ts';
import { checkSubscriptionFilter, type CheckedSubscriptionFilter } from './subscription-filter-match.ts';
import type { FieldSelection } from './subscription-payload.ts';

// A `start` message, from its payload to a subscription ready to register:
//   {"id":"…","type":"start","payload":{"data":"{\"query\":…,\"variables\":{…}}",
//    "extensions":{"authorization":{"host":"…","x-api-key":"…"}}}}
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
// The credentials are checked as the HTTP endpoint checks them, then the
// operation runs as over HTTP: parsed and validated, its field authorized by
// the schema's directives, and the field's subscription resolver (if it has
// one) run with the subscriber's identity and arguments. Any error refuses
// the subscription with that error; what the resolver set with
// `extensions.setSubscriptionFilter` / `setSubscriptionInvalidationFilter`
// becomes the subscription's filters. Only subscriptions may be started: a
// query or mutation is refused before anything runs.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html

export type SubscriptionOperationContext = Omit<OperationContext, 'caller' | 'headers' | 'usage'>;

export interface StartedSubscription {
  fieldName: string;
  arguments: Record<string, unknown>;
  filter?: CheckedSubscriptionFilter;
  invalidationFilter?: CheckedSubscriptionFilter;
  caller: AuthenticatedCaller;
  selection: FieldSelection & { responseKey: string };
}

export type StartOutcome = { started: StartedSubscription } | { errors: RealtimeError[] };

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `{ query, variables, operationName }` from the JSON string in payload.data. */
function operationOf(payload: Record<string, unknown>): OperationRequest | undefined {
  const request = typeof payload.data === 'string' ? parsedJson(payload.data) : undefined;
  if (!isRecord(request) || typeof request.query !== 'string') {
    return undefined;
  }
  const variables = request.variables ?? null;
  const operationName = request.operationName ?? null;
  if ((variables !== null && !isRecord(variables)) || (operationName !== null && typeof operationName !== 'string')) {
    return undefined;
  }
  return { query: request.query, variables, operationName };
}

function parsedOperation(request: OperationRequest): { document: DocumentNode; operation: OperationDefinitionNode } | undefined {
  try {
    const document = parse(request.query);
    const operation = getOperationAST(document, request.operationName);
    return operation ? { document, operation } : undefined;
  } catch {
    return undefined;
  }
}

/** The one root field of a validated subscription, with its coerced arguments. */
function subscribedField(
  context: SubscriptionOperationContext,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  caller: AuthenticatedCaller,
  filters: { filter?: unknown; invalidationFilter?: unknown },
): StartOutcome {
  const subscriptionType = context.schema.getSubscriptionType();
  const coerced = getVariableValues(context.schema, operation.variableDefinitions ?? [], variables);
  const node = operation.selectionSet.selections.find((selection): selection is FieldNode => selection.kind === Kind.FIELD);
  const field = node && subscriptionType?.getFields()[node.name.value];
  if (!node || !field || !('coerced' in coerced) || !coerced.coerced) {
    return { errors: [REALTIME_ERRORS.badStartPayload] };
  }
  const checked: { filter?: CheckedSubscriptionFilter; invalidationFilter?: CheckedSubscriptionFilter } = {};
  for (const key of ['filter', 'invalidationFilter'] as const) {
    if (filters[key] !== undefined) {
      const check = checkSubscriptionFilter(filters[key]);
      if ('problem' in check) {
        return { errors: [REALTIME_ERRORS.badFilter(check.problem)] };
      }
      checked[key] = check.filter;
    }
  }
  return {
    started: {
      fieldName: field.name,
      arguments: getArgumentValues(field, node, coerced.coerced),
      ...checked,
      caller,
      selection: {
        nodes: [node],
        type: field.type,
        scope: { fragments: fragmentsOf(document), variableValues: coerced.coerced },
        responseKey: node.alias?.value ?? node.name.value,
      },
    },
  };
}

export async function startSubscription(
  payload: unknown,
  authenticate: RequestAuthenticator,
  context: SubscriptionOperationContext,
  sourceIp: string,
): Promise<StartOutcome> {
  const request = isRecord(payload) ? operationOf(payload) : undefined;
  if (!isRecord(payload) || !request) {
    return { errors: [REALTIME_ERRORS.badStartPayload] };
  }
  const extensions = isRecord(payload.extensions) ? payload.extensions : {};
  const headers = isRecord(extensions.authorization) ? credentialHeaders(extensions.authorization) : {};
  const authentication = await authenticate(credentialRequest(headers, sourceIp, GRAPHQL_PATH, String(payload.data)));
  if (!authentication.ok) {
    return { errors: [REALTIME_ERRORS.unauthorized(authentication.message)] };
  }
  const parsed = parsedOperation(request);
  if (parsed && parsed.operation.operation !== 'subscription') {
    return { errors: [REALTIME_ERRORS.unsupported(parsed.operation.operation)] };
  }
  const usage = newRequestUsage();
  const body = await executeOperation(request, { ...context, caller: authentication.caller, headers, usage });
  if (body.errors && body.errors.length > 0) {
    return { errors: body.errors };
  }
  if (!parsed) {
    // executeOperation refuses every text that does not parse to one operation
    return { errors: [REALTIME_ERRORS.badStartPayload] };
  }
  return subscribedField(context, parsed.document, parsed.operation, request.variables ?? {}, authentication.caller, {
    filter: usage.subscriptionFilter,
    invalidationFilter: usage.subscriptionInvalidationFilter,
  });
}
