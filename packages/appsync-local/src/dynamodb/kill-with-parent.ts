import type { ChildProcess } from 'node:child_process';

// Child processes that must not outlive this one (DynamoDB Local's JVM). They
// are killed when this process exits, whatever the reason, and when it gets
// SIGINT, SIGTERM or SIGHUP.
//
// Listening for a signal turns off Node's default action for it (exit with
// 128 + signal number). So that the parent's own signal handling is not
// swallowed: if ours is the only listener, it kills the children, removes
// itself and sends the signal again, and the process ends exactly as it would
// have without us; if the parent listens too, it kills the children and leaves
// the rest to the parent's handler.
// A SIGKILL of the parent cannot be caught here; dynamodb-local.ts has the
// kernel cover that case (setpriv --pdeathsig).

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const children = new Set<ChildProcess>();

function killChildren() {
  for (const child of children) {
    // no time to wait for a graceful stop here; SQLite (behind -dbPath) keeps committed writes
    child.kill('SIGKILL');
  }
}

function onSignal(signal: NodeJS.Signals) {
  killChildren();
  if (process.listenerCount(signal) === 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

function install() {
  process.on('exit', killChildren);
  for (const signal of SIGNALS) {
    process.on(signal, onSignal);
  }
}

function uninstall() {
  process.off('exit', killChildren);
  for (const signal of SIGNALS) {
    process.off(signal, onSignal);
  }
}

/** Ties the child's life to this process. Returns the function that unties it (call it once the child has exited). */
export function killWithParent(child: ChildProcess): () => void {
  if (children.size === 0) {
    install();
  }
  children.add(child);
  return () => {
    if (children.delete(child) && children.size === 0) {
      uninstall();
    }
  };
}
