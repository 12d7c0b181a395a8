import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetFile } from './asset-files.ts';
import type { AssemblyStack } from './read-assembly.ts';

// The file of a resolver's or function's code, or of a schema: inline in the
// template (`Code`, `Definition`: written to a file of its own, as the
// runtime reads code from files) or an asset (`CodeS3Location`,
// `DefinitionS3Location`: the file the asset manifest lists).

export type CodeFile = { file: string } | { problem: string };

export interface CodeFiles {
  /** `inline` and `s3` name the two properties that may hold the code */
  of(stack: AssemblyStack, where: string, properties: Record<string, unknown>, inline: string, s3: string): CodeFile;
}

export function codeFiles(): CodeFiles {
  let inlineDir: string | undefined;
  return {
    of(stack, where, properties, inline, s3) {
      if (typeof properties[inline] === 'string') {
        inlineDir ??= mkdtempSync(join(tmpdir(), 'appsync-local-code-'));
        const file = join(inlineDir, `${where.replace(/[^A-Za-z0-9.]/g, '_')}.js`);
        writeFileSync(file, properties[inline]);
        return { file };
      }
      const location = properties[s3];
      const file = assetFile(stack, location);
      return file ? { file } : { problem: `${where}: no ${inline} and no asset for ${s3} ${String(location)}` };
    },
  };
}
