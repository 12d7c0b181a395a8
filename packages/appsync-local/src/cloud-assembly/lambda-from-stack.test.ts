import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lambdaFunctionFromStack, type ResolvedResource } from './lambda-from-stack.ts';

// How a data source's LambdaFunctionArn finds its AWS::Lambda::Function, with
// resources as a template has them once their intrinsics are resolved.

const inline = (properties: Record<string, unknown> = {}): ResolvedResource[1] => ({
  Type: 'AWS::Lambda::Function',
  Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Code: { ZipFile: 'exports.handler = async () => 1;' }, ...properties },
});

describe('the Lambda function of a data source', () => {
  it('follows Fn::GetAtt, a Ref to an alias or a version, and a literal ARN', () => {
    const resources: ResolvedResource[] = [
      ['Fn', inline({ FunctionName: 'posts-fn', Timeout: 9 })],
      ['FnVersion', { Type: 'AWS::Lambda::Version', Properties: { FunctionName: 'Fn' } }],
      ['FnAlias', { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: 'Fn', FunctionVersion: 'FnVersion.Version' } }],
    ];
    for (const arn of ['Fn.Arn', 'FnAlias', 'FnVersion', 'arn:aws:lambda:us-east-1:000000000000:function:posts-fn']) {
      expect(lambdaFunctionFromStack(arn, resources, new Map())).toMatchObject({
        function: { functionName: 'posts-fn', handler: 'index.handler', timeoutSeconds: 9 },
      });
    }
  });

  it('writes inline ZipFile code as index.js, as CloudFormation names it', () => {
    const found = lambdaFunctionFromStack('Fn.Arn', [['Fn', inline()]], new Map());
    expect('function' in found && readFileSync(join(found.function.codeDirectory, 'index.js'), 'utf8')).toBe(
      'exports.handler = async () => 1;',
    );
  });

  it('says why a function cannot run here', () => {
    const reason = (resource: ResolvedResource[1], arn = 'Fn.Arn') => lambdaFunctionFromStack(arn, [['Fn', resource]], new Map());
    expect(reason(inline(), 'Other.Arn')).toEqual({ unsupported: 'Lambda function Other.Arn is not defined in the stack' });
    expect(reason(inline({ Layers: ['arn:aws:lambda:us-east-1:000000000000:layer:deps:1'] }))).toEqual({
      unsupported: 'Lambda function Fn: layers are not emulated',
    });
    expect(reason(inline({ Code: { S3Bucket: 'assets', S3Key: 'abc.zip' } }))).toEqual({
      unsupported: 'Lambda function Fn: no asset for its code abc.zip',
    });
    expect(reason(inline({ Handler: 'app.main' }))).toMatchObject({
      unsupported: expect.stringMatching(/^Lambda function Fn: handler app\.main: no app\.js, \.mjs, \.cjs in /),
    });
  });
});
