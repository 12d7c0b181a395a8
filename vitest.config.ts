import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// `npx vitest run` (and `npm test`) runs every test file as one project,
// `all`, on three workers. Naming a project picks a part:
// - unit: everything that needs neither Java nor DynamoDB Local (the runtime,
//   GraphQL, server, auth, resolvers, infra, scripts). `npx vitest run --project unit`.
// - integration: the tests that talk to DynamoDB Local (or start it), the
//   browser test, `npm run dev`, and the tests of the Events API served from
//   its own cloud assembly (test/serve), synthesized once for the run.
// One project rather than those two, because vitest starts workers per
// project and runs one project's files after the other's: the integration
// files wait on JVMs, sockets and child processes much of the time, and with
// one project the unit files use the cores meanwhile, in workers that load
// aws-cdk-lib, graphql and the AWS SDK once (measured, npm test on 2 cores:
// 66–68 s with the two projects on 2 or 3 workers, 61 s as one project on 2,
// 50 s on 3, and the least CPU, 92 s). Three workers only help there: the
// unit project alone runs on two (14.3 s, against 15.3 s on three).
// The DynamoDB-bound tests share one DynamoDB Local started by the global
// setup; each file makes its own tables, so files run in parallel without
// seeing each other's data. Neither global setup waits for what it starts: a
// test waits for DynamoDB Local or the assembly when it first needs it, so
// the files that need neither run meanwhile. A test that needs DynamoDB Local
// but is left out of NEEDS_DYNAMODB_LOCAL fails in the unit project with a
// message saying so (see sharedDynamoDBEndpoint in packages/appsync-local/src/dynamodb/test-support.ts).

const NEEDS_DYNAMODB_LOCAL = [
  '**/dynamodb/operations/*.test.ts',
  '**/dynamodb/{client,data-source,dynamodb-local,supervised-dynamodb-local,ensure-table}.test.ts',
  'test/{integration,browser,dev,serve}/**/*.test.ts',
  'packages/appsync-local/src/start-appsync-api.test.ts',
  'packages/appsync-local/src/cloud-assembly/public-fixtures.test.ts',
  'packages/appsync-local/src/cloud-assembly/serve-assembly.test.ts',
];

// Every JVM a test starts (the shared DynamoDB Local, the lifecycle tests'
// own, `npm run dev`'s) lives for seconds to a minute: the C1 compiler alone
// halves its startup CPU (measured: 2.5 s instead of 4.9 s), and peak speed
// matters little that briefly; the serial collector saves another 0.2 s of
// CPU per JVM (2.33 s to 2.15 s to answer), starting no parallel GC threads.
// An option set by the caller wins.
process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

const DYNAMODB_LOCAL_SETUP = 'packages/appsync-local/src/dynamodb/dynamodb-local.global-setup.ts';
const EVENTS_ASSEMBLY_SETUP = 'test/support/events-assembly.global-setup.ts';

const ALL_TESTS = '{packages/*/src,dev,model,resolvers,infra,scripts,test}/**/*.test.ts';

/** whether the command names projects (`--project unit`): only then are the parts defined */
const PICKS_PROJECTS = process.argv.some((argument) => argument === '--project' || argument.startsWith('--project='));

const ALL: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: 'all', include: [ALL_TESTS], globalSetup: [DYNAMODB_LOCAL_SETUP, EVENTS_ASSEMBLY_SETUP] },
};

const PARTS: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      include: [ALL_TESTS],
      exclude: ['**/node_modules/**', ...NEEDS_DYNAMODB_LOCAL],
      maxWorkers: 2,
      // after integration when both are picked: projects run side by side only with the same maxWorkers
      sequence: { groupOrder: 1 },
    },
  },
  {
    extends: true,
    test: {
      name: 'integration',
      include: NEEDS_DYNAMODB_LOCAL,
      globalSetup: [DYNAMODB_LOCAL_SETUP, EVENTS_ASSEMBLY_SETUP],
    },
  },
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 3,
    // no test changes shared state (no mocks, no stubbed globals; the few that
    // set an environment variable restore it), so the files a worker runs
    // share its module cache: aws-cdk-lib, graphql and the AWS SDK load once
    // per worker rather than once per file (half the unit tests' CPU time)
    isolate: false,
    // the transformed modules are kept on disk (node_modules/.experimental-vitest-cache,
    // keyed by their content), so a run after the first transforms only what
    // changed (unit project: transform 5.6 s and import 11.7 s become 1.0 s and 5.0 s)
    experimental: { fsModuleCache: true },
    projects: PICKS_PROJECTS ? [ALL, ...PARTS] : [ALL],
  },
});
