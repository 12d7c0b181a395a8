import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocalUserPoolKeys, type LocalUserPoolKeys } from './local-jwks.ts';

// Tests keep their keys in a folder of their own, never in the project's .local/.

export interface TemporaryUserPoolKeys {
  keys: LocalUserPoolKeys;
  directory: string;
  remove(): Promise<void>;
}

export async function temporaryUserPoolKeys(): Promise<TemporaryUserPoolKeys> {
  const directory = await mkdtemp(join(tmpdir(), 'local-user-pool-'));
  return {
    keys: await loadLocalUserPoolKeys({ directory }),
    directory,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
