import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { REQUEST_REJECTED_ERROR_TYPE, type DataSourceError } from '../types.ts';

// Every way a DynamoDB request can fail, in the shape AppSync puts in
// `ctx.error`: `{ message, type }`, the type prefixed with `DynamoDB:`.

/** The request object a handler returned does not have the documented shape. */
export class RequestShapeError extends Error {
  override name = 'RequestShapeError';
}

/**
 * AppSync reports a request object it cannot read with the errorType
 * `MappingTemplate` (e.g. "Value for field '$[operation]' not found.").
 */
export function requestShapeFailure(error: RequestShapeError): DataSourceError {
  return { type: REQUEST_REJECTED_ERROR_TYPE, message: error.message };
}

/**
 * A DynamoDB exception as AppSync words it: the service's message followed
 * by AWS SDK for Java's details, e.g. "The conditional request failed
 * (Service: DynamoDb, Status Code: 400, Request ID: …)".
 */
export function dynamoDBFailure(error: unknown): DataSourceError {
  if (error instanceof DynamoDBServiceException) {
    const status = error.$metadata.httpStatusCode ?? 400;
    const requestId = error.$metadata.requestId ?? 'none';
    return {
      type: `DynamoDB:${error.name}`,
      message: `${error.message} (Service: DynamoDb, Status Code: ${status}, Request ID: ${requestId})`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'DynamoDB:InternalServerError', message: `DynamoDB could not be reached: ${message}` };
}

/**
 * A nextToken this data source did not issue for this operation, or one that
 * was altered. AppSync answers such a token this way (seen in
 * https://github.com/aws-amplify/amplify-cli/issues/3411 and
 * https://github.com/aws-amplify/amplify-hosting/issues/433).
 */
export function invalidNextTokenFailure(): DataSourceError {
  return {
    type: 'DynamoDB:UserIllegalArgumentException',
    message:
      'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
  };
}

/** A documented feature the local runtime does not emulate; the message says which and why. */
export function unsupportedFailure(message: string): DataSourceError {
  return { type: 'DynamoDB:UnsupportedOperationException', message };
}

/**
 * The call outlived the resolver's time. AppSync words a timed-out data source
 * call this way in `ctx.error`, typed by the data source's kind
 * ("Lambda:ExecutionTimeoutException", "Http:ExecutionTimeoutException":
 * https://github.com/aws/aws-appsync-community/issues/386 and /issues/43).
 */
export function executionTimeoutFailure(kind = 'DynamoDB'): DataSourceError {
  return { type: `${kind}:ExecutionTimeoutException`, message: 'Execution timed out.' };
}
