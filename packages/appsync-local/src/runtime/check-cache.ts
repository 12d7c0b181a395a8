import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CodeProblem } from './language-check.ts';

// The APPSYNC_JS language check's findings, by bundle: in memory, so the
// same code is linted once however many APIs a process starts on it (a test
// run starts dozens on the same bundles), and, when asked, on disk, so a
// server restarted on unchanged bundles neither loads ESLint nor lints again
// (`appsync-local serve` keeps them in .appsync-local/checked-bundles).
// A finding is only reused under the same rules: the key covers the code,
// the versions of ESLint and AWS's plugin, and this package's own rules.

let directory: string | undefined;
let rulesFingerprint: string | undefined;
let remembered = new Map<string, CodeProblem[]>();

/**
 * Keeps the findings of every check from now on in `folder` too (undefined: in memory only, the default),
 * and forgets those held in memory, as a restarted server would.
 */
export function keepLanguageChecksIn(folder: string | undefined): void {
  if (folder) {
    mkdirSync(folder, { recursive: true });
  }
  directory = folder;
  remembered = new Map();
}

function fingerprintOfRules(): string {
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  for (const name of ['eslint/package.json', '@aws-appsync/eslint-plugin/package.json']) {
    hash.update((require(name) as { version: string }).version);
  }
  const here = new URL('.', import.meta.url);
  const rules = new URL('rules/', here);
  for (const file of ['language-check.ts', ...readdirSync(rules).map((name) => `rules/${name}`)].sort()) {
    hash.update(readFileSync(new URL(file, here)));
  }
  return hash.digest('hex');
}

/** `check(code)`, or what it found for the same code under the same rules before. */
export function rememberedCheck(code: string, check: (code: string) => CodeProblem[]): CodeProblem[] {
  // the rules cannot change while the process runs: in memory the code alone is the key
  let problems = remembered.get(code);
  if (!problems) {
    problems = directory ? checkedInFolder(directory, code, check) : check(code);
    remembered.set(code, problems);
  }
  return problems;
}

function checkedInFolder(folder: string, code: string, check: (code: string) => CodeProblem[]): CodeProblem[] {
  rulesFingerprint ??= fingerprintOfRules();
  const file = join(folder, `${createHash('sha256').update(rulesFingerprint).update(code).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CodeProblem[];
  } catch {
    const problems = check(code);
    try {
      writeFileSync(file, JSON.stringify(problems));
    } catch {
      // a folder gone or read-only costs the next start a check, nothing more
    }
    return problems;
  }
}
