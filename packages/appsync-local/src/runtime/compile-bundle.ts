import vm from 'node:vm';
import type { CodeBundle } from '../types.ts';
import { describePosition, sourcePositions, type SourcePositions } from './code-position.ts';
import { rememberedCheck } from './check-cache.ts';
import { checkLanguage, type CodeProblem } from './language-check.ts';
import { wrapModule } from './module-wrapper.ts';

// A bundle is checked and compiled once, then reused by every evaluation:
// the compiled script is independent of the vm context it later runs in.

export interface CompiledBundle {
  fileName: string;
  /** evaluates, in a context, to `(modules) => exports` */
  script: vm.Script;
  /** module specifiers the code imports */
  imports: string[];
  sources: SourcePositions;
  /** built-ins AWS doesn't list: the code runs, but may not on AppSync */
  warnings: CodeProblem[];
}

export type BundleCompilation =
  | { ok: true; compiled: CompiledBundle }
  | { ok: false; fileName: string; sources: SourcePositions; problems: CodeProblem[] };

/** `file.js:3:7 (file.ts:5:3): message [rule]` */
export function describeProblem(problem: CodeProblem, fileName: string, sources: SourcePositions): string {
  const position = describePosition({ file: fileName, line: problem.line, column: problem.column }, sources);
  return `${position}: ${problem.message}${problem.rule ? ` [${problem.rule}]` : ''}`;
}

/** A bundle the APPSYNC_JS runtime would refuse, with every reason. */
export class BundleRejectedError extends Error {
  constructor(readonly fileName: string, readonly problems: CodeProblem[], sources: SourcePositions) {
    const reasons = problems.map((problem) => `  ${describeProblem(problem, fileName, sources)}`);
    super(`${fileName} uses what the APPSYNC_JS runtime does not support:\n${reasons.join('\n')}`);
    this.name = 'BundleRejectedError';
  }
}

function compileScript(source: string, fileName: string): vm.Script | CodeProblem {
  try {
    return new vm.Script(source, { filename: fileName, lineOffset: -1 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { severity: 'error', errorType: 'PARSER_ERROR', message, rule: null, line: 1, column: 1, span: 1 };
  }
}

/** Checks a bundle against the APPSYNC_JS rules and compiles it (uncached). */
export function compileBundle(bundle: CodeBundle): BundleCompilation {
  const sources = sourcePositions(bundle.code, bundle.fileName);
  const problems = rememberedCheck(bundle.code, checkLanguage);
  const errors = problems.filter((problem) => problem.severity === 'error');
  const refuse = (reasons: CodeProblem[]): BundleCompilation => ({
    ok: false,
    fileName: bundle.fileName,
    sources,
    problems: reasons,
  });
  if (errors.length > 0) {
    return refuse(errors);
  }
  const wrapping = wrapModule(bundle.code);
  if (!wrapping.ok) {
    return refuse(wrapping.problems);
  }
  const script = compileScript(wrapping.module.source, bundle.fileName);
  if (!(script instanceof vm.Script)) {
    return refuse([script]);
  }
  return {
    ok: true,
    compiled: {
      fileName: bundle.fileName,
      script,
      imports: wrapping.module.imports,
      sources,
      warnings: problems.filter((problem) => problem.severity === 'warning'),
    },
  };
}

/** file name → code → compilation; the code string is the same object on every request, so lookups are cheap */
const compilations = new Map<string, Map<string, BundleCompilation>>();

/** versions kept per file: a rebuilt bundle replaces its old code, which is then dropped */
const VERSIONS_PER_FILE = 4;

/**
 * The compilation of a bundle, compiled on first use. Warnings are logged
 * once, when the bundle is first compiled.
 */
export function compiledBundle(bundle: CodeBundle): BundleCompilation {
  const byCode = compilations.get(bundle.fileName) ?? new Map<string, BundleCompilation>();
  compilations.set(bundle.fileName, byCode);
  const cached = byCode.get(bundle.code);
  if (cached) {
    return cached;
  }
  const compilation = compileBundle(bundle);
  if (byCode.size >= VERSIONS_PER_FILE) {
    byCode.delete(byCode.keys().next().value!);
  }
  byCode.set(bundle.code, compilation);
  if (compilation.ok) {
    for (const warning of compilation.compiled.warnings) {
      console.warn(`warning: ${describeProblem(warning, bundle.fileName, compilation.compiled.sources)}`);
    }
  }
  return compilation;
}

/** The compiled bundle, or a BundleRejectedError naming every construct AppSync would refuse. */
export function acceptedBundle(bundle: CodeBundle): CompiledBundle {
  const compilation = compiledBundle(bundle);
  if (!compilation.ok) {
    throw new BundleRejectedError(compilation.fileName, compilation.problems, compilation.sources);
  }
  return compilation.compiled;
}
