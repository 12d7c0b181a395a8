// A Direct Lambda Resolver: a resolver (or pipeline function) on a Lambda
// data source with neither code nor mapping templates. AppSync then sends the
// function the whole context, `BatchInvoke`s it when MaxBatchSize is above 0,
// makes its result the field's value and fails the field with its error
// (`Lambda:Unhandled` and the error's message).
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-mapping-template-reference-lambda.html#direct-lambda-resolvers
// Locally such a resolver is given the APPSYNC_JS code that does just that,
// so it runs like every other resolver.

type Properties = Record<string, unknown>;

const TEMPLATES = [
  'RequestMappingTemplate',
  'RequestMappingTemplateS3Location',
  'ResponseMappingTemplate',
  'ResponseMappingTemplateS3Location',
];

function directLambdaCode(operation: 'Invoke' | 'BatchInvoke'): string {
  // ctx.info is spelled out: its selection set fields are not enumerable
  return `import { util } from '@aws-appsync/utils';
export function request(ctx) {
  const info = {
    fieldName: ctx.info.fieldName,
    parentTypeName: ctx.info.parentTypeName,
    variables: ctx.info.variables,
    selectionSetList: ctx.info.selectionSetList,
    selectionSetGraphQL: ctx.info.selectionSetGraphQL,
  };
  const payload = {
    arguments: ctx.arguments,
    identity: ctx.identity,
    source: ctx.source,
    request: ctx.request,
    prev: ctx.prev,
    info,
    stash: ctx.stash,
  };
  return { operation: '${operation}', payload };
}
export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
`;
}

/**
 * A resolver's or function's properties, with the code of a Direct Lambda
 * Resolver when it is one (on one of `lambdaDataSources`); else unchanged.
 */
export function withDirectLambdaCode(properties: Properties, lambdaDataSources: string[]): Properties {
  const direct =
    properties.Runtime === undefined &&
    properties.Kind !== 'PIPELINE' &&
    lambdaDataSources.includes(String(properties.DataSourceName)) &&
    TEMPLATES.every((template) => properties[template] === undefined);
  if (!direct) {
    return properties;
  }
  const batched = typeof properties.MaxBatchSize === 'number' && properties.MaxBatchSize > 0;
  return {
    ...properties,
    Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' },
    Code: directLambdaCode(batched ? 'BatchInvoke' : 'Invoke'),
  };
}
