import { defineConfig } from 'vitest/config';

// Two projects:
// - unit: everything that needs neither Java nor DynamoDB Local (the runtime,
//   GraphQL, server, auth, resolvers, infra, scripts). `npx vitest run --project unit`.
// - integration: the tests that talk to DynamoDB Local (or start it), the
//   browser test and `npm run dev`. They share one DynamoDB Local started by
//   the global setup; each file makes its own tables, so files run in parallel
//   without seeing each other's data.
// A test that needs DynamoDB Local but is left in the unit project fails with
// a message saying so (see sharedDynamoDBEndpoint in test/support/dynamodb.ts).

const NEEDS_DYNAMODB_LOCAL = [
  '**/dynamodb/operations/*.test.ts',
  '**/dynamodb/{client,data-source,dynamodb-local,ensure-table}.test.ts',
  'test/{integration,browser,dev}/**/*.test.ts',
];

const ALL_TESTS = '{packages/*/src,dev,model,resolvers,infra,scripts,test}/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [ALL_TESTS],
          exclude: ['**/node_modules/**', ...NEEDS_DYNAMODB_LOCAL],
          // no test here changes shared state (no mocks, no stubbed globals), so
          // files share a worker's module cache: aws-cdk-lib and graphql load
          // once per worker, not once per file (about half the CPU time)
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: NEEDS_DYNAMODB_LOCAL,
          globalSetup: ['test/support/dynamodb-local.global-setup.ts'],
        },
      },
    ],
  },
});
