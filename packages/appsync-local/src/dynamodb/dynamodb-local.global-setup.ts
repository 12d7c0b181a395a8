import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from './dynamodb-local.ts';

// One in-memory DynamoDB Local for the whole test run, shared by every test
// file (each makes tables of its own). With DYNAMODB_ENDPOINT set, that
// DynamoDB is used instead and nothing is started.

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const configured = process.env.DYNAMODB_ENDPOINT;
  if (configured) {
    project.provide('dynamodbEndpoint', configured);
    return undefined;
  }
  const dynamodbLocal = await startDynamoDBLocal({ inMemory: true });
  console.log(`DynamoDB Local answered on ${dynamodbLocal.endpoint} after ${dynamodbLocal.startupMs} ms`);
  project.provide('dynamodbEndpoint', dynamodbLocal.endpoint);
  return () => dynamodbLocal.stop();
}
