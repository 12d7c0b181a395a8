import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { SYNTH_FAILURE_FILE } from './events-assembly.global-setup.ts';

const SYNTH_TIMEOUT_MS = 120_000;

/** The folder of the Events API's cloud assembly, once its synth (see events-assembly.global-setup.ts) has written it. */
export async function waitForEventsAssembly(): Promise<string> {
  const directory = inject('eventsAssembly');
  const deadline = Date.now() + SYNTH_TIMEOUT_MS;
  // the app writes manifest.json last
  while (!existsSync(join(directory, 'manifest.json'))) {
    if (existsSync(join(directory, SYNTH_FAILURE_FILE))) {
      throw new Error(readFileSync(join(directory, SYNTH_FAILURE_FILE), 'utf8'));
    }
    if (Date.now() > deadline) {
      throw new Error(`The Events API's assembly was not synthesized into ${directory} within ${SYNTH_TIMEOUT_MS} ms`);
    }
    await sleep(100);
  }
  return directory;
}
