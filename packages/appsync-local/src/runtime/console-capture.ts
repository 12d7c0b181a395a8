import { bundleFrame } from './call-site.ts';
import { formatPosition, type SourcePositions } from './code-position.ts';

// `console` inside resolver code. AppSync sends these lines to CloudWatch
// and returns them in EvaluateCode's `logs`, shaped
// `INFO - code.js:13:5: "This request is allowed"`.
// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html

const LEVELS = { log: 'INFO', info: 'INFO', debug: 'DEBUG', warn: 'WARN', error: 'ERROR' } as const;

type ConsoleMethod = keyof typeof LEVELS;

/**
 * Where the `console.…(` call in the bundle is: the source position when
 * mapped. V8 places a method call at the method's name; AppSync places it
 * where the call starts, at `console`.
 */
function callPosition(fileName: string, sources: SourcePositions): string {
  const frame = bundleFrame(new Error().stack, fileName);
  if (!frame) {
    return fileName;
  }
  const start = { ...frame, column: Math.max(1, frame.column - 'console.'.length) };
  return formatPosition(sources.original(start.line, start.column) ?? start);
}

function formatArgument(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A console whose lines go to `log`, each with the bundle (or source) position of the call. */
export function captureConsole(
  fileName: string,
  sources: SourcePositions,
  log: (line: string) => void,
): Record<ConsoleMethod, (...values: unknown[]) => void> {
  const method =
    (level: string) =>
    (...values: unknown[]): void => {
      log(`${level} - ${callPosition(fileName, sources)}: ${values.map(formatArgument).join(' ')}`);
    };
  return {
    log: method(LEVELS.log),
    info: method(LEVELS.info),
    debug: method(LEVELS.debug),
    warn: method(LEVELS.warn),
    error: method(LEVELS.error),
  };
}
