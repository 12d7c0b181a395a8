import { describe, expect, it } from 'vitest';
import { resolveIntrinsics, UnresolvableIntrinsicError, type IntrinsicScope } from './intrinsics.ts';

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

const refs: Record<string, unknown> = { Table: 'posts-table', Stage: 'beta', 'AWS::AccountId': '000000000000', Zones: ['a', 'b'], Kind: 'table' };
const conditions: Record<string, boolean> = { IsBeta: true, IsProd: false };

const scope: IntrinsicScope = {
  ref: (name) => refs[name],
  getAtt: (logicalId, attribute) => `${logicalId}:${attribute}`,
  condition: (name) => {
    if (!(name in conditions)) throw new UnresolvableIntrinsicError(`condition ${name}`);
    return conditions[name];
  },
  importValue: (name) => (name === 'shared-table' ? 'imported-table' : undefined),
  findInMap: (map, top, second) => `${map}/${top}/${second}`,
};

describe('resolveIntrinsics', () => {
  it.each([
    [{ Ref: 'Table' }, 'posts-table'],
    [{ 'Fn::GetAtt': ['Api', 'ApiId'] }, 'Api:ApiId'],
    [{ 'Fn::GetAtt': 'Nested.Outputs.TableName' }, 'Nested:Outputs.TableName'],
    [{ 'Fn::Sub': 's3://assets-${AWS::AccountId}/${Stage}/${Api.ApiId}' }, 's3://assets-000000000000/beta/Api:ApiId'],
    [{ 'Fn::Sub': ['${Name}-${Stage}', { Name: { Ref: 'Table' } }] }, 'posts-table-beta'],
    [{ 'Fn::Sub': 'literal ${!Stage}' }, 'literal ${Stage}'],
    [{ 'Fn::Join': ['', ['^', { Ref: 'Stage' }, '$']] }, '^beta$'],
    [{ 'Fn::Join': [',', { Ref: 'Zones' }] }, 'a,b'],
    [{ 'Fn::Select': ['1', { 'Fn::Split': ['/', 'a/b/c'] }] }, 'b'],
    [{ 'Fn::ImportValue': { 'Fn::Sub': 'shared-${Kind}' } }, 'imported-table'],
    [{ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Max'] }, 'Sizes/beta/Max'],
    [{ 'Fn::Base64': 'hi' }, 'aGk='],
    [{ 'Fn::If': ['IsBeta', 'yes', 'no'] }, 'yes'],
    [{ 'Fn::If': ['IsProd', 'yes', { Ref: 'Stage' }] }, 'beta'],
    [{ 'Fn::Equals': [{ Ref: 'Stage' }, 'beta'] }, true],
    [{ 'Fn::And': [{ Condition: 'IsBeta' }, { 'Fn::Equals': ['a', 'a'] }] }, true],
    [{ 'Fn::Or': [{ Condition: 'IsProd' }, { 'Fn::Equals': ['a', 'b'] }] }, false],
    [{ 'Fn::Not': [{ Condition: 'IsProd' }] }, true],
  ])('resolves %j to %j', (value, expected) => {
    expect(resolveIntrinsics(value, scope)).toEqual(expected);
  });

  it('resolves inside objects and arrays, leaving plain values alone', () => {
    expect(resolveIntrinsics({ Name: { Ref: 'Stage' }, Limits: [6, { Ref: 'Table' }], On: true }, scope)).toEqual({
      Name: 'beta',
      Limits: [6, 'posts-table'],
      On: true,
    });
  });

  it('drops a property or list item that Fn::If sets to AWS::NoValue', () => {
    const value = {
      Kept: 1,
      Dropped: { 'Fn::If': ['IsProd', 'x', { Ref: 'AWS::NoValue' }] },
      List: ['a', { 'Fn::If': ['IsBeta', { Ref: 'AWS::NoValue' }, 'b'] }],
    };
    expect(resolveIntrinsics(value, scope)).toEqual({ Kept: 1, List: ['a'] });
  });

  it('names what it cannot resolve', () => {
    expect(() => resolveIntrinsics({ Ref: 'Missing' }, scope)).toThrow(
      new UnresolvableIntrinsicError('Ref to Missing, which the template does not define'),
    );
    expect(() => resolveIntrinsics({ 'Fn::GetAZs': '' }, scope)).toThrow('Fn::GetAZs is not resolved locally');
    expect(() => resolveIntrinsics({ 'Fn::If': ['Unknown', 1, 2] }, scope)).toThrow('condition Unknown');
    expect(() => resolveIntrinsics({ 'Fn::And': ['yes'] }, scope)).toThrow('a condition must be true or false, got "yes"');
  });
});
