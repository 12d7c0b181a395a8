import type { ResolverError } from '../types.ts';
import { describePosition, type CodePosition, type SourcePositions } from './code-position.ts';
import { HelperCallError } from './helper-error.ts';

// Where in a bundle something happened, read from a V8 stack trace: the
// bundle runs as a script named after its file, so its frames carry that
// name whichever realm the error was created in.

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first frame of `stack` inside the bundle `fileName`. */
export function bundleFrame(stack: string | undefined, fileName: string): CodePosition | undefined {
  const match = new RegExp(`${escapeForPattern(fileName)}:(\\d+):(\\d+)`).exec(stack ?? '');
  return match ? { file: fileName, line: Number(match[1]), column: Number(match[2]) } : undefined;
}

function describeThrown(thrown: unknown): { name: string; message: string; stack?: string } {
  if (typeof thrown === 'object' && thrown !== null && 'message' in thrown) {
    const error = thrown as { name?: unknown; message: unknown; stack?: unknown };
    return {
      name: typeof error.name === 'string' ? error.name : 'Error',
      message: String(error.message),
      stack: typeof error.stack === 'string' ? error.stack : undefined,
    };
  }
  return { name: 'Error', message: String(thrown) };
}

/**
 * A failure of the code itself (a TypeError, a missing export), as AppSync
 * reports it: `errorType: "Code"`, message `code.js:162:13: ReferenceError: …`.
 * https://github.com/aws/aws-appsync-community/issues/328
 */
export function codeError(thrown: unknown, fileName: string, sources: SourcePositions): ResolverError {
  const { name, message, stack } = describeThrown(thrown);
  const frame = bundleFrame(stack, fileName);
  const where = frame ? describePosition(frame, sources) : fileName;
  const what = thrown instanceof HelperCallError ? message : `${name}: ${message}`;
  return { message: `${where}: ${what}`, errorType: 'Code', data: null, errorInfo: null };
}
