import { describe, expect, it } from 'vitest';
import { resolveIntrinsics, UnresolvableIntrinsicError, type IntrinsicScope } from './intrinsics.ts';

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

const scope: IntrinsicScope = { ref: (logicalId) => ({ Table: 'posts-table', Stage: 'beta' })[logicalId] };

describe('resolveIntrinsics', () => {
  it.each([
    [{ Ref: 'Table' }, 'posts-table'],
    [{ Ref: 'AWS::Region' }, 'us-east-1'],
    [{ 'Fn::GetAtt': ['Api', 'ApiId'] }, 'Api.ApiId'],
    [{ 'Fn::GetAtt': 'Api.GraphQLUrl' }, 'Api.GraphQLUrl'],
    [{ 'Fn::Sub': 's3://assets-${AWS::AccountId}/${Stage}/${Api.ApiId}' }, 's3://assets-000000000000/beta/Api.ApiId'],
    [{ 'Fn::Sub': ['${Name}-${Stage}', { Name: { Ref: 'Table' } }] }, 'posts-table-beta'],
    [{ 'Fn::Join': ['', ['^', { Ref: 'Stage' }, '$']] }, '^beta$'],
    [{ 'Fn::Select': ['1', { 'Fn::Split': ['/', 'a/b/c'] }] }, 'b'],
  ])('resolves %j to %j', (value, expected) => {
    expect(resolveIntrinsics(value, scope)).toBe(expected);
  });

  it('resolves inside objects and arrays, leaving plain values alone', () => {
    expect(resolveIntrinsics({ Name: { Ref: 'Stage' }, Limits: [6, { Ref: 'Table' }], On: true }, scope)).toEqual({
      Name: 'beta',
      Limits: [6, 'posts-table'],
      On: true,
    });
  });

  it('names what it cannot resolve', () => {
    expect(() => resolveIntrinsics({ Ref: 'Missing' }, scope)).toThrow(
      new UnresolvableIntrinsicError('Ref to Missing, which the template does not define'),
    );
    expect(() => resolveIntrinsics({ 'Fn::ImportValue': 'shared' }, scope)).toThrow('Fn::ImportValue is not resolved locally');
  });
});
