import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { fromProjectRoot } from '../../model/project-paths.ts';

// The Chromium the browser tests drive. CHROMIUM_PATH names one (a system
// Chromium, a Chrome for Testing build); without it, the headless Chromium
// that the npm package @sparticuz/chromium ships as a Brotli-compressed
// binary, so a machine with only Node and Java runs every test and nothing is
// downloaded from anywhere but the npm registry. That package's own
// executablePath() unpacks into a fixed /tmp/chromium, shared by every version
// and left half-written if interrupted; here the binary is unpacked once per
// version into node_modules/.cache and renamed into place only when complete.

/** The environment variable that names a Chromium executable to use instead. */
export const CHROMIUM_PATH_VARIABLE = 'CHROMIUM_PATH';

/** Flags for a headless run that stays offline and needs no sandbox or GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function packagedChromium(): { compressed: string; version: string } {
  // its entry point is build/{cjs,esm}/index.*, and it reads its binaries from ../../bin, as here
  const packageRoot = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return { compressed: join(packageRoot, 'bin', 'chromium.br'), version };
}

async function unpackOnce(compressed: string, target: string): Promise<string> {
  if (existsSync(target)) {
    return target;
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await pipeline(createReadStream(compressed), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

/** The executable to launch: $CHROMIUM_PATH, else the npm-packaged Chromium (unpacked on first use). */
export async function chromiumExecutable(environment: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = environment[CHROMIUM_PATH_VARIABLE];
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(
        `${CHROMIUM_PATH_VARIABLE}=${configured}: no such file; unset it to use the npm-packaged Chromium`,
      );
    }
    return configured;
  }
  const { compressed, version } = packagedChromium();
  return unpackOnce(compressed, fromProjectRoot(`node_modules/.cache/sparticuz-chromium-${version}/chromium`));
}
