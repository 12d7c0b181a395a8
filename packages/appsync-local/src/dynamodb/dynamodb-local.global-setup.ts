import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from './dynamodb-local.ts';

// One in-memory DynamoDB Local for the whole test run, shared by every test
// file (each makes tables of its own) and every project that lists this
// setup. With DYNAMODB_ENDPOINT set, that DynamoDB is used instead and
// nothing is started.
//
// The setup does not wait for the JVM: it starts it and returns, so the
// test files run from the first second (a JVM takes 2 s to answer on a quiet
// machine, over 10 s while lint and typecheck run beside the tests). It
// writes the endpoint into a folder the tests are given once DynamoDB Local
// answers, or why it did not start; a test waits for it only when it first
// asks for the endpoint (sharedDynamoDBEndpoint in test-support.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    /** where the setup writes ENDPOINT_FILE or FAILURE_FILE */
    sharedDynamoDBFolder: string;
  }
}

/** holds the endpoint, written once DynamoDB Local answers */
export const ENDPOINT_FILE = 'endpoint';
/** holds why DynamoDB Local did not start */
export const FAILURE_FILE = 'failure.txt';

/** how a later project's setup finds the folder of the DynamoDB Local an earlier one started */
const SHARED = 'APPSYNC_LOCAL_TEST_DYNAMODB_FOLDER';

export default function setup(project: TestProject) {
  const existing = process.env[SHARED];
  if (existing) {
    project.provide('sharedDynamoDBFolder', existing);
    return undefined;
  }
  const folder = mkdtempSync(join(tmpdir(), 'shared-dynamodb-'));
  process.env[SHARED] = folder;
  project.provide('sharedDynamoDBFolder', folder);
  const configured = process.env.DYNAMODB_ENDPOINT;
  if (configured) {
    writeFileSync(join(folder, ENDPOINT_FILE), configured);
    return () => forget(folder);
  }
  const starting = startDynamoDBLocal({ inMemory: true }).then(
    (dynamodbLocal) => {
      console.log(`DynamoDB Local answered on ${dynamodbLocal.endpoint} after ${dynamodbLocal.startupMs} ms`);
      writeFileSync(join(folder, ENDPOINT_FILE), dynamodbLocal.endpoint);
      return dynamodbLocal;
    },
    (error: Error) => {
      writeFileSync(join(folder, FAILURE_FILE), `The shared DynamoDB Local did not start: ${error.message}`);
      return undefined;
    },
  );
  return async () => {
    await (await starting)?.stop();
    forget(folder);
  };
}

function forget(folder: string) {
  delete process.env[SHARED];
  rmSync(folder, { recursive: true, force: true });
}
