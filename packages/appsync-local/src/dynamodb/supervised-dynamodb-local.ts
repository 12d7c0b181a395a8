import { setTimeout as sleep } from 'node:timers/promises';
import { startDynamoDBLocal, type DynamoDBLocal, type DynamoDBLocalOptions } from './dynamodb-local.ts';

// DynamoDB Local kept running for as long as a developer's server runs: when
// its JVM exits (a crash, the OOM killer, a stray kill), that is logged at
// once and it is started again on the same port and data directory, waiting
// longer after each failed attempt, until it answers again. Clients keep
// their endpoint; requests in between fail as with any unreachable database.

export interface SupervisionOptions extends DynamoDBLocalOptions {
  /** where the supervisor says what happened; one line per event */
  log: (line: string) => void;
  /** runs once it answers again, before it counts as back (e.g. re-create an in-memory table) */
  onRestarted?: (endpoint: string) => Promise<void>;
  /** first wait before restarting; doubled after each failed attempt */
  firstBackoffMs?: number;
  /** longest wait between attempts */
  maxBackoffMs?: number;
}

export interface SupervisedDynamoDBLocal {
  /** the same across restarts */
  endpoint: string;
  /** the JVM now running (it changes with each restart) */
  pid(): number;
  /** how many times it was started again */
  restarts(): number;
  /** stops supervising, then the JVM */
  stop(): Promise<void>;
}

const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;
/** a JVM starting on a busy machine can take longer than the first start's 30 s; waiting beats starting over */
const RESTART_TIMEOUT_MS = 90_000;

export async function superviseDynamoDBLocal(options: SupervisionOptions): Promise<SupervisedDynamoDBLocal> {
  const { log, onRestarted, firstBackoffMs = FIRST_BACKOFF_MS, maxBackoffMs = MAX_BACKOFF_MS, ...launch } = options;
  let current: DynamoDBLocal = await startDynamoDBLocal(launch);
  const endpoint = current.endpoint;
  const port = Number(new URL(endpoint).port);
  const storage = launch.inMemory || !launch.dataDir ? 'in memory: its tables are gone' : `data in ${launch.dataDir}`;
  let stopping = false;
  let restarts = 0;

  async function restart(): Promise<void> {
    for (let attempt = 1; !stopping; attempt += 1) {
      const backoffMs = Math.min(firstBackoffMs * 2 ** (attempt - 1), maxBackoffMs);
      await sleep(backoffMs);
      if (stopping) return;
      try {
        const started = await startDynamoDBLocal({ startupTimeoutMs: RESTART_TIMEOUT_MS, ...launch, port });
        if (stopping) {
          await started.stop();
          return;
        }
        current = started;
        await onRestarted?.(endpoint);
        restarts += 1;
        log(`DynamoDB Local is back on ${endpoint} (pid ${started.pid}, attempt ${attempt})`);
        watch(started);
        return;
      } catch (error) {
        log(`DynamoDB Local did not start again (attempt ${attempt}): ${(error as Error).message}`);
      }
    }
  }

  function watch(instance: DynamoDBLocal) {
    void instance.exited.then((how) => {
      if (stopping || instance !== current) return;
      log(`DynamoDB Local (pid ${instance.pid}) exited (${how}); restarting it on ${endpoint}, ${storage}`);
      return restart();
    });
  }

  watch(current);
  return {
    endpoint,
    pid: () => current.pid,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}
