import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepLanguageChecksIn, rememberedCheck } from './check-cache.ts';
import { checkLanguage, type CodeProblem } from './language-check.ts';

const folder = mkdtempSync(join(tmpdir(), 'check-cache-'));

afterEach(() => {
  keepLanguageChecksIn(undefined);
  rmSync(folder, { recursive: true, force: true });
});

function countingCheck() {
  const checked: string[] = [];
  return {
    checked,
    check: (code: string): CodeProblem[] => {
      checked.push(code);
      return checkLanguage(code);
    },
  };
}

describe('rememberedCheck', () => {
  it('checks each code once, then answers from the folder, findings included, after a restart too', () => {
    keepLanguageChecksIn(folder);
    const { checked, check } = countingCheck();
    const refused = 'export function request(ctx) { while (true) {} }';
    const first = rememberedCheck(refused, check);
    expect(first.map((problem) => problem.severity)).toContain('error');
    expect(rememberedCheck(refused, check)).toEqual(first);
    expect(rememberedCheck('export function request() { return {}; }', check)).toEqual([]);
    expect(checked).toHaveLength(2);
    expect(readdirSync(folder)).toHaveLength(2);

    keepLanguageChecksIn(folder); // what a restarted server does: memory forgotten, the folder kept
    expect(rememberedCheck(refused, check)).toEqual(first);
    expect(checked).toHaveLength(2);
  });

  it('without a folder, checks each code once for as long as the process lives', () => {
    const { checked, check } = countingCheck();
    const code = 'export function request() { return {}; }';
    expect(rememberedCheck(code, check)).toEqual([]);
    expect(rememberedCheck(code, check)).toEqual([]);
    expect(rememberedCheck('export function response(ctx) { return ctx.prev.result; }', check)).toEqual([]);
    expect(checked).toEqual([code, 'export function response(ctx) { return ctx.prev.result; }']);
  });
});
