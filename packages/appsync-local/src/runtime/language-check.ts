import type { ESLint, Linter } from 'eslint';
import { createRequire } from 'node:module';
import { builtinWarnings, localRules } from './rules/local-rules.ts';

// Refuses what the APPSYNC_JS runtime refuses by running AWS's own ESLint
// rules (the plugin's `recommended` config, as AWS publishes it) on the
// bundle. Five of those rules need the TypeScript checker, which a bundle
// doesn't have; local rules cover them from ESLint's scope analysis, along
// with what the documentation refuses and the plugin doesn't check.
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html

/** One finding, with the EvaluateCode API's error types (`LINT_ERROR`, `PARSER_ERROR`). */
export interface CodeProblem {
  severity: 'error' | 'warning';
  errorType: 'PARSER_ERROR' | 'LINT_ERROR';
  message: string;
  /** the ESLint rule that found it; null for a parse error */
  rule: string | null;
  /** 1-based, in the bundle */
  line: number;
  /** 1-based, in the bundle */
  column: number;
  /** characters covered */
  span: number;
}

const AWS_PREFIX = '@aws-appsync';
const LOCAL_PREFIX = 'appsync-local';

interface LintSetup {
  linter: Linter;
  config: Linter.Config[];
}

// ESLint and AWS's plugin take a while to load (a second or more of a
// server's start): they load on the first check, which a start whose
// bundles were all checked before (check-cache.ts) never makes.
let lintSetup: LintSetup | undefined;

function loadLinter(): LintSetup {
  const require = createRequire(import.meta.url);
  const { Linter: LinterClass } = require('eslint') as typeof import('eslint');
  const appsyncPlugin = require('@aws-appsync/eslint-plugin') as ESLint.Plugin;
  const linter = new LinterClass({ configType: 'flat' });
  const plugins: Record<string, ESLint.Plugin> = {
    [AWS_PREFIX]: appsyncPlugin,
    [LOCAL_PREFIX]: { rules: { ...localRules, ...builtinWarnings } },
  };
  const recommended = (appsyncPlugin.configs?.recommended as Linter.Config).rules ?? {};
  const awsRulesWithoutTypes = Object.fromEntries(
    Object.entries(recommended).filter(([rule]) => runsWithoutTypes(linter, plugins, rule)),
  );
  const config: Linter.Config[] = [
    {
      plugins,
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      rules: {
        ...awsRulesWithoutTypes,
        ...Object.fromEntries(Object.keys(localRules).map((rule) => [`${LOCAL_PREFIX}/${rule}`, 'error'])),
        ...Object.fromEntries(Object.keys(builtinWarnings).map((rule) => [`${LOCAL_PREFIX}/${rule}`, 'warn'])),
      },
    },
  ];
  return { linter, config };
}

/** A rule needs type information when ESLint refuses to load it without a TypeScript program. */
function runsWithoutTypes(linter: Linter, plugins: Record<string, ESLint.Plugin>, rule: string): boolean {
  try {
    linter.verify('', [{ plugins, rules: { [rule]: 'error' } }]);
    return true;
  } catch (error) {
    if (/type information/.test(String(error))) {
      return false;
    }
    throw error;
  }
}

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let index = code.indexOf('\n'); index !== -1; index = code.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

/**
 * The name the code is linted under: flat config matches files by name, and
 * a bundle's real path (outside the project, or not ending in .js) would
 * match no configuration at all.
 */
const LINTED_AS = 'bundle.js';

/** Every construct in `code` that APPSYNC_JS refuses (errors) or doesn't list (warnings). */
export function checkLanguage(code: string): CodeProblem[] {
  const starts = lineStarts(code);
  const offset = (line: number, column: number) => (starts[line - 1] ?? 0) + column - 1;
  lintSetup ??= loadLinter();
  const { linter, config } = lintSetup;
  return linter.verify(code, config, { filename: LINTED_AS }).map((message) => ({
    severity: message.severity === 2 ? 'error' : 'warning',
    errorType: message.fatal ? 'PARSER_ERROR' : 'LINT_ERROR',
    message: message.message,
    rule: message.ruleId,
    line: message.line,
    column: message.column,
    span: Math.max(
      1,
      offset(message.endLine ?? message.line, message.endColumn ?? message.column) -
        offset(message.line, message.column),
    ),
  }));
}
