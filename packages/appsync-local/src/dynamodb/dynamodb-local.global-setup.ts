import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from './dynamodb-local.ts';

// One in-memory DynamoDB Local for the whole test run, shared by every test
// file (each makes tables of its own) and every project that lists this
// setup. With DYNAMODB_ENDPOINT set, that DynamoDB is used instead and
// nothing is started.

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/** how a later project's setup finds the DynamoDB Local an earlier one started */
const SHARED = 'APPSYNC_LOCAL_TEST_DYNAMODB_ENDPOINT';

export default async function setup(project: TestProject) {
  const configured = process.env.DYNAMODB_ENDPOINT ?? process.env[SHARED];
  if (configured) {
    project.provide('dynamodbEndpoint', configured);
    return undefined;
  }
  const dynamodbLocal = await startDynamoDBLocal({ inMemory: true });
  console.log(`DynamoDB Local answered on ${dynamodbLocal.endpoint} after ${dynamodbLocal.startupMs} ms`);
  process.env[SHARED] = dynamodbLocal.endpoint;
  project.provide('dynamodbEndpoint', dynamodbLocal.endpoint);
  return async () => {
    delete process.env[SHARED];
    await dynamodbLocal.stop();
  };
}
