// Log lines that repeat, printed once with a count: when the database is down
// every request logs the same failure, thousands a minute, and the one line
// that matters (DynamoDB Local exited) scrolls away. A line is printed the
// first time; repeats within the window are counted, and the count printed
// when the window ends; after that the line is new again.

export interface RepeatedLines {
  log(line: string): void;
  /** prints the pending counts now (e.g. before exiting) */
  flush(): void;
}

export const REPEAT_WINDOW_MS = 10_000;

export function collapseRepeats(print: (line: string) => void, windowMs = REPEAT_WINDOW_MS): RepeatedLines {
  const repeats = new Map<string, number>();
  let window: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(window);
    window = undefined;
    for (const [line, count] of repeats) {
      if (count > 0) {
        print(`${line} (repeated ${count} more times in ${windowMs / 1000} s)`);
      }
    }
    repeats.clear();
  };
  return {
    log(line) {
      const count = repeats.get(line);
      if (count !== undefined) {
        repeats.set(line, count + 1);
        return;
      }
      print(line);
      repeats.set(line, 0);
      window ??= setTimeout(flush, windowMs).unref();
    },
    flush,
  };
}
