import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// A vitest global setup that starts something slow (a JVM, a synth) without
// waiting for it writes into a folder what it made, or why it failed; the
// tests that need it wait here, and only those.

export interface SetupFile {
  folder: string;
  /** written when the thing is ready (last, if it is one of several) */
  file: string;
  /** written instead when it failed, saying why */
  failureFile: string;
  /** for the timeout's message, e.g. `The shared DynamoDB Local` */
  what: string;
  timeoutMs?: number;
}

/** The path of `file` once it exists; throws the failure file's text if that appears first. */
export async function waitForSetupFile({ folder, file, failureFile, what, timeoutMs = 120_000 }: SetupFile): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(join(folder, file))) {
    if (existsSync(join(folder, failureFile))) {
      throw new Error(readFileSync(join(folder, failureFile), 'utf8'));
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} was not ready in ${folder} within ${timeoutMs} ms`);
    }
    await sleep(50);
  }
  return join(folder, file);
}
