import { CfnResource } from 'aws-cdk-lib/core';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_GROUP } from '../model/access.ts';
import type { Stage } from '../model/api-settings.ts';
import { ApiUserPool, type ApiUserPoolProps } from './api-user-pool.ts';
import { createInfraTestBed, type InfraTestBed } from './test-support.ts';

let bed: InfraTestBed;
beforeAll(async () => {
  bed = await createInfraTestBed();
});
afterAll(() => bed.cleanup());

function synthPool(props: ApiUserPoolProps): { pool: ApiUserPool; template: Template } {
  const stack = bed.stack();
  const pool = new ApiUserPool(stack, 'Users', props);
  return { pool, template: Template.fromStack(stack) };
}

describe('ApiUserPool', () => {
  it('creates a pool where only administrators create users, who sign in with their email', () => {
    synthPool({ stage: 'dev' }).template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('creates a public app client: no secret, SRP sign-in, no OAuth flows', () => {
    const { template } = synthPool({ stage: 'dev' });
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlows: Match.absent(),
      AllowedOAuthFlowsUserPoolClient: false,
      PreventUserExistenceErrors: 'ENABLED',
      UserPoolId: { Ref: Match.stringLikeRegexp('^UsersUserPool') },
    });
  });

  it('creates the group the resolvers treat as admins', () => {
    const { template, pool } = synthPool({ stage: 'dev' });
    expect(pool.adminGroup).toBeDefined();
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: ADMIN_GROUP,
      UserPoolId: { Ref: Match.stringLikeRegexp('^UsersUserPool') },
    });
  });

  it.each([
    ['dev', 'Delete', 'INACTIVE'],
    ['prod', 'Retain', 'ACTIVE'],
  ] as const)('in %s has DeletionPolicy %s and deletion protection %s', (stage: Stage, policy, protection) => {
    synthPool({ stage }).template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: policy,
      UpdateReplacePolicy: policy,
      Properties: Match.objectLike({ DeletionProtection: protection }),
    });
  });

  it('uses an existing pool and client by id and creates nothing in them', () => {
    const stack = bed.stack();
    const pool = new ApiUserPool(stack, 'Users', {
      stage: 'prod',
      existing: { userPoolId: 'eu-west-1_AbCdEf123', userPoolClientId: '1example23456789' },
    });
    expect(pool.userPool.userPoolId).toBe('eu-west-1_AbCdEf123');
    expect(pool.userPoolClient.userPoolClientId).toBe('1example23456789');
    expect(pool.adminGroup).toBeUndefined();
    expect(stack.node.findAll().filter((construct) => CfnResource.isCfnResource(construct))).toEqual([]);
  });
});
