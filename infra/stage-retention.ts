import { RemovalPolicy } from 'aws-cdk-lib/core';
import type { Stage } from '../model/api-settings.ts';

/** What happens to stateful resources (the table, the user pool) when the stack lets go of them. */
export interface StageRetention {
  removalPolicy: RemovalPolicy;
  /** refuse deletion through the AWS API as well, not only through CloudFormation */
  deletionProtection: boolean;
}

/**
 * prod keeps its data when the stack or resource is deleted or replaced; dev
 * is disposable, so `cdk destroy` leaves nothing behind to pay for.
 */
export function stageRetention(stage: Stage): StageRetention {
  return stage === 'prod'
    ? { removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true }
    : { removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false };
}
