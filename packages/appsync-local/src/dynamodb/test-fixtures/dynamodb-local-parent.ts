import { startDynamoDBLocal } from '../dynamodb-local.ts';

// A parent process for dynamodb-local.test.ts: starts DynamoDB Local, prints
// the JVM's pid, then ends as the first argument says:
//   exit        — process.exit(0) at once
//   wait        — waits to be signalled, with no signal handler of its own
//   own-handler — waits, with its own SIGTERM handler that exits with 42
//   (a SIGKILL, which no handler sees, is sent to a waiting parent)

const mode = process.argv[2];
const dynamodbLocal = await startDynamoDBLocal({ inMemory: true });
if (mode === 'own-handler') {
  process.on('SIGTERM', () => {
    console.log('own handler ran');
    process.exit(42);
  });
}
console.log(JSON.stringify({ jvmPid: dynamodbLocal.pid }));
if (mode === 'exit') {
  process.exit(0);
}
setInterval(() => {}, 60_000);
