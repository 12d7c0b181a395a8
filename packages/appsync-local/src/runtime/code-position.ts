import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, join } from 'node:path';

// Positions in a bundle, and where they come from in the TypeScript sources.
// Bundles carry an inline source map without sources content (see
// scripts/build-resolvers.ts); Node's own SourceMap class reads it.

/** A 1-based line and column in a file. */
export interface CodePosition {
  file: string;
  line: number;
  column: number;
}

const INLINE_SOURCE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

/** Maps bundle positions back to the sources the bundle was built from. */
export interface SourcePositions {
  /** the source position of a 1-based bundle position, if the source map covers that line */
  original(line: number, column: number): CodePosition | undefined;
}

const NO_SOURCE_MAP: SourcePositions = { original: () => undefined };

/**
 * Reads a bundle's inline source map. Source paths are relative to the
 * bundle's file, so `fileName` decides how they read in messages.
 */
export function sourcePositions(code: string, fileName: string): SourcePositions {
  const match = INLINE_SOURCE_MAP.exec(code);
  if (!match) {
    return NO_SOURCE_MAP;
  }
  let sourceMap: SourceMap;
  try {
    sourceMap = new SourceMap(JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as SourceMapPayload);
  } catch {
    return NO_SOURCE_MAP;
  }
  return {
    original(line, column) {
      // findEntry is 0-based and falls back to the nearest earlier mapping,
      // which may sit on another line: only a mapping on this line counts
      const entry = sourceMap.findEntry(line - 1, column - 1) as Partial<{
        generatedLine: number;
        originalSource: string;
        originalLine: number;
        originalColumn: number;
      }>;
      if (entry.generatedLine !== line - 1 || entry.originalSource === undefined) {
        return undefined;
      }
      return {
        file: join(dirname(fileName), entry.originalSource),
        line: (entry.originalLine ?? 0) + 1,
        column: (entry.originalColumn ?? 0) + 1,
      };
    },
  };
}

export function formatPosition(position: CodePosition): string {
  return `${position.file}:${position.line}:${position.column}`;
}

/** `bundle.js:12:5 (source.ts:20:3)`, or just the bundle position when no source is known. */
export function describePosition(bundlePosition: CodePosition, sources: SourcePositions): string {
  const original = sources.original(bundlePosition.line, bundlePosition.column);
  return original ? `${formatPosition(bundlePosition)} (${formatPosition(original)})` : formatPosition(bundlePosition);
}
