import { spawn } from 'node:child_process';
import { startDynamoDBLocal } from '../dynamodb-local.ts';
import { killWithParent } from '../kill-with-parent.ts';

// A parent process for dynamodb-local.test.ts: starts a child, prints its pid
// (and DynamoDB Local's endpoint), then ends as the first argument says:
//   exit        — process.exit(0) at once
//   wait        — waits to be signalled, with no signal handler of its own
//   own-handler — waits, with its own SIGTERM handler that exits with 42
//   (a SIGKILL, which no handler sees, is sent to a waiting parent)
// The second argument chooses the child: `jvm` (default), DynamoDB Local as
// startDynamoDBLocal runs it, in memory, given the dataDir in the third
// argument (which it must leave alone); or `sleep`, a plain process tied to
// this one by killWithParent alone, to check the signal handling without a
// JVM's startup.

const [mode, child = 'jvm', dataDir] = process.argv.slice(2);

async function startChild(): Promise<{ childPid: number; endpoint?: string }> {
  if (child === 'sleep') {
    const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
    killWithParent(sleeper);
    return { childPid: sleeper.pid as number };
  }
  const dynamodbLocal = await startDynamoDBLocal({ inMemory: true, dataDir });
  return { childPid: dynamodbLocal.pid, endpoint: dynamodbLocal.endpoint };
}

const started = await startChild();
if (mode === 'own-handler') {
  process.on('SIGTERM', () => {
    console.log('own handler ran');
    process.exit(42);
  });
}
console.log(JSON.stringify(started));
if (mode === 'exit') {
  process.exit(0);
}
setInterval(() => {}, 60_000);
