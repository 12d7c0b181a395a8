import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collapseRepeats } from './repeated-lines.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('collapseRepeats', () => {
  it('prints a line once, then how often it repeated within the window', () => {
    const printed: string[] = [];
    const lines = collapseRepeats((line) => printed.push(line), 10_000);
    for (let request = 0; request < 6_000; request += 1) {
      lines.log('[Query.listEvents] data source error: DynamoDB:InternalServerError');
    }
    lines.log('DynamoDB Local (pid 42) exited (SIGKILL)');
    expect(printed).toEqual([
      '[Query.listEvents] data source error: DynamoDB:InternalServerError',
      'DynamoDB Local (pid 42) exited (SIGKILL)',
    ]);
    vi.advanceTimersByTime(10_000);
    expect(printed.slice(2)).toEqual([
      '[Query.listEvents] data source error: DynamoDB:InternalServerError (repeated 5999 more times in 10 s)',
    ]);
  });

  it('prints the line again once its window has passed, and no count for a line said once', () => {
    const printed: string[] = [];
    const lines = collapseRepeats((line) => printed.push(line), 1_000);
    lines.log('a');
    vi.advanceTimersByTime(1_000);
    lines.log('a');
    lines.flush();
    expect(printed).toEqual(['a', 'a']);
  });
});
