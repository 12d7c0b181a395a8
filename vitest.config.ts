import { defineConfig } from 'vitest/config';

// One DynamoDB Local for the whole run; each test file makes its own table,
// so files run in parallel without seeing each other's data.
export default defineConfig({
  test: {
    include: ['{packages/*/src,dev,model,resolvers,infra,scripts,test}/**/*.test.ts'],
    globalSetup: ['packages/appsync-local/src/dynamodb/dynamodb-local.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
