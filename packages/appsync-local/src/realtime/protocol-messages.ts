import type { AppSyncErrorEntry } from '../graphql/appsync-response.ts';

// The messages of AppSync's real-time protocol, server to client, as
// "Building a real-time WebSocket client in AWS AppSync" shows them:
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
//   {"type":"connection_ack","payload":{"connectionTimeoutMs":300000}}
//   {"type":"ka"}
//   {"type":"start_ack","id":"…"}
//   {"type":"data","id":"…","payload":{"data":{…}}}
//   {"type":"complete","id":"…"}
//   {"type":"error","id":"…","payload":{"errors":[{"errorType":"…","message":"…"}]}}
//   {"type":"connection_error","payload":{"errors":[{"errorType":"…","message":"…","errorCode":401}]}}
// Amplify JS reads `errors[0].errorType` and `errorCode` of a connection_error
// and gives up without retrying on 400, 401 and 403 (its NON_RETRYABLE_CODES),
// so refused credentials carry errorCode 401.

/** One entry of an error message's `errors`: an error entry as over HTTP, with an HTTP-like code where there is one. */
export type RealtimeError = AppSyncErrorEntry & { errorCode?: number };

export type ServerMessage =
  | { type: 'connection_ack'; payload: { connectionTimeoutMs: number } }
  | { type: 'ka' }
  | { type: 'start_ack'; id: string }
  | { type: 'data'; id: string; payload: { data: Record<string, unknown> } }
  | { type: 'complete'; id: string }
  | { type: 'error'; id?: string; payload: { errors: RealtimeError[] } }
  | { type: 'connection_error'; payload: { errors: RealtimeError[] } };

export function errorMessage(id: string | undefined, errors: RealtimeError[]): ServerMessage {
  return id === undefined ? { type: 'error', payload: { errors } } : { type: 'error', id, payload: { errors } };
}

/**
 * The refusals this endpoint words itself. AppSync's own words are used where
 * they are known: "<type> not supported through the realtime channel" with
 * UnsupportedOperation (reported by users of the protocol), and the
 * UnauthorizedException texts of the HTTP endpoint. The others are ours.
 */
export const REALTIME_ERRORS = {
  unsupported: (what: string): RealtimeError => ({
    errorType: 'UnsupportedOperation',
    message: `${what} not supported through the realtime channel`,
  }),
  malformedJson: { errorType: 'MalformedMessage', message: 'The message is not valid JSON.' } as RealtimeError,
  tooLarge: (limitBytes: number): RealtimeError => ({
    errorType: 'MessageTooLarge',
    message: `The message is larger than ${limitBytes} bytes.`,
  }),
  missingId: { errorType: 'MalformedMessage', message: 'A start or stop message needs a string id.' } as RealtimeError,
  badStartPayload: {
    errorType: 'MalformedMessage',
    message: 'A start message needs payload.data: a JSON string of { query, variables }.',
  } as RealtimeError,
  duplicateId: (id: string): RealtimeError => ({
    errorType: 'DuplicatedOperationError',
    message: `Another subscription with the id ${id} is already running on this connection.`,
  }),
  tooManySubscriptions: (limit: number): RealtimeError => ({
    errorType: 'MaxSubscriptionsReachedError',
    message: `This connection already has ${limit} subscriptions, the most it may have.`,
  }),
  unauthorized: (message: string): RealtimeError => ({ errorType: 'UnauthorizedException', message, errorCode: 401 }),
  badFilter: (problem: string): RealtimeError => ({
    errorType: 'BadRequestException',
    message: `The subscription filter is not valid: ${problem}`,
  }),
} as const;
