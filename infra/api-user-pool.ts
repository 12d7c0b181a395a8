import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Validations } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { ADMIN_GROUP } from '../model/access.ts';
import type { Stage } from '../model/api-settings.ts';
import { stageRetention } from './stage-retention.ts';

/** A user pool and app client that exist already, managed outside this stack. */
export interface ExistingUserPool {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

export interface ApiUserPoolProps {
  /** dev pools are deleted with the stack; prod pools are retained and deletion-protected */
  readonly stage: Stage;
  /**
   * Use this pool and client instead of creating them. The stack then creates
   * nothing inside the pool (not even the admins group): it belongs to
   * whoever manages it.
   * @default a new user pool, app client and admins group
   */
  readonly existing?: ExistingUserPool;
}

/**
 * Who may sign in with Cognito tokens (the API's second authorization mode).
 * Sign-up is closed: an operator invites users, so the pool is not an open
 * door to the API.
 */
export class ApiUserPool extends Construct {
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /** the admins group, when this construct created the pool */
  readonly adminGroup?: cognito.UserPoolGroup;

  constructor(scope: Construct, id: string, props: ApiUserPoolProps) {
    super(scope, id);
    if (props.existing) {
      this.userPool = cognito.UserPool.fromUserPoolId(this, 'UserPool', props.existing.userPoolId);
      this.userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(
        this,
        'AppClient',
        props.existing.userPoolClientId,
      );
      return;
    }
    const retention = stageRetention(props.stage);
    const userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Length and every character class, as cdk-nag's AwsSolutions-COG1 asks.
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      deletionProtection: retention.deletionProtection,
      removalPolicy: retention.removalPolicy,
    });
    this.userPool = userPool;
    Validations.of(userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP offered, SMS off): the pool serves event organisers who are invited by an operator; ' +
          'requiring MFA of every organiser is a product decision, and admins can be made to enrol by the operator.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          "The Plus feature plan's threat protection is billed per monthly active user; sign-up is closed (an operator " +
          'invites every user) and the API is rate-limited per IP by AWS WAF, so the Essentials plan is kept.',
      },
    );
    // A public client (browser or mobile app): no secret to leak, SRP so the
    // password never leaves the device, and no OAuth flows (there is no hosted
    // sign-in domain to use them with).
    this.userPoolClient = userPool.addClient('AppClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
    });
    this.adminGroup = new cognito.UserPoolGroup(this, 'AdminGroup', {
      userPool,
      // the resolvers grant this group every event: one name for both
      groupName: ADMIN_GROUP,
      description: 'Administers events',
    });
  }
}
