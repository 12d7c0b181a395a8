import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE, loadLocalUserPoolKeys, type LocalUserPoolKeys } from './local-jwks.ts';

// Tests keep their keys in a folder of their own, never in the project's .local/.

export interface TemporaryUserPoolKeys {
  keys: LocalUserPoolKeys;
  directory: string;
  remove(): Promise<void>;
}

export interface TemporaryUserPoolKeysOptions {
  /**
   * Whether the folder gets a key of its own (default) or a copy of the one
   * key this process shares among the tests that need a pool whose key is
   * not under test: an RSA key costs 0.1 to 0.3 s of CPU to generate.
   */
  sharedKey?: boolean;
}

export async function temporaryUserPoolKeys({ sharedKey = false }: TemporaryUserPoolKeysOptions = {}): Promise<TemporaryUserPoolKeys> {
  const directory = await mkdtemp(join(tmpdir(), 'local-user-pool-'));
  if (sharedKey) {
    await writeFile(join(directory, KEY_FILE), await sharedKeyFile(), { mode: 0o600 });
  }
  return {
    keys: await loadLocalUserPoolKeys({ directory }),
    directory,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

let sharedKeyText: Promise<string> | undefined;

/** The key file's content, generated the first time it is asked for. */
function sharedKeyFile(): Promise<string> {
  sharedKeyText ??= (async () => {
    const pool = await temporaryUserPoolKeys();
    try {
      return await readFile(join(pool.directory, KEY_FILE), 'utf8');
    } finally {
      await pool.remove();
    }
  })();
  return sharedKeyText;
}
