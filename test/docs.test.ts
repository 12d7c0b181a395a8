import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../model/project-paths.ts';

// The README is a front page a newcomer reads in five minutes; the rest lives
// in docs/, reached by links that must not break.

const README_MAX_BYTES = 8 * 1024;
const DOCUMENTS = [
  'README.md',
  ...readdirSync(fromProjectRoot('docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^#+ (.+)$/gm)].map((match) => anchor(match[1]));
}

describe('documentation', () => {
  it(`keeps the README under ${README_MAX_BYTES / 1024} KB`, () => {
    expect(readFileSync(fromProjectRoot('README.md')).byteLength).toBeLessThanOrEqual(README_MAX_BYTES);
  });

  it.each(DOCUMENTS)('%s links only to files and headings that exist', (document) => {
    const markdown = readFileSync(fromProjectRoot(document), 'utf8');
    const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
    for (const link of links.filter((target) => !/^[a-z]+:/.test(target))) {
      const [path, fragment] = link.split('#');
      const target = path === '' ? fromProjectRoot(document) : join(dirname(fromProjectRoot(document)), path);
      expect(existsSync(target), link).toBe(true);
      if (fragment) {
        expect(anchorsOf(readFileSync(target, 'utf8')), link).toContain(fragment);
      }
    }
  });
});
