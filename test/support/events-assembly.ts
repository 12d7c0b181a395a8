import { waitForSetupFile } from 'appsync-local/testing';
import { inject } from 'vitest';
import { SYNTH_FAILURE_FILE } from './events-assembly.global-setup.ts';

/** The folder of the Events API's cloud assembly, once its synth (see events-assembly.global-setup.ts) has written it. */
export async function waitForEventsAssembly(): Promise<string> {
  const folder = inject('eventsAssembly');
  // the app writes manifest.json last
  await waitForSetupFile({ folder, file: 'manifest.json', failureFile: SYNTH_FAILURE_FILE, what: "The Events API's assembly" });
  return folder;
}
