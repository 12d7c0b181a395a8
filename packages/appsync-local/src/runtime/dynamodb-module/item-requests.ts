// get, put, remove and update: the single-item requests of
// '@aws-appsync/utils/dynamodb', in the request shapes of the APPSYNC_JS
// DynamoDB function reference.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html

import { attributeMap, filterExpression, payloadObject, presentFields, projectionExpression } from './request-parts.ts';
import { buildUpdateExpression } from './update-expression.ts';

/** The delta-sync options every write passes through unchanged. */
function versioningFields(input: Record<string, unknown>) {
  return presentFields({
    customPartitionKey: input.customPartitionKey,
    populateIndexFields: input.populateIndexFields,
    _version: input._version,
  });
}

export function get(payload: unknown) {
  const input = payloadObject('get', payload);
  return {
    operation: 'GetItem',
    key: attributeMap('get', 'key', input.key),
    ...presentFields({ consistentRead: input.consistentRead, projection: projectionExpression(input.projection) }),
  };
}

export function put(payload: unknown) {
  const input = payloadObject('put', payload);
  return {
    operation: 'PutItem',
    key: attributeMap('put', 'key', input.key),
    attributeValues: attributeMap('put', 'item', input.item),
    ...presentFields({ condition: filterExpression('put', 'condition', input.condition) }),
    ...versioningFields(input),
  };
}

export function remove(payload: unknown) {
  const input = payloadObject('remove', payload);
  return {
    operation: 'DeleteItem',
    key: attributeMap('remove', 'key', input.key),
    ...presentFields({ condition: filterExpression('remove', 'condition', input.condition) }),
    ...versioningFields(input),
  };
}

export function update(payload: unknown) {
  const input = payloadObject('update', payload);
  return {
    operation: 'UpdateItem',
    key: attributeMap('update', 'key', input.key),
    update: buildUpdateExpression(payloadObject('update', input.update)),
    ...presentFields({ condition: filterExpression('update', 'condition', input.condition) }),
    ...versioningFields(input),
  };
}
