import * as acorn from 'acorn';
import type { CodeProblem } from './language-check.ts';

// A bundle is an ES module; node:vm runs scripts. The module becomes a
// function expression that takes one evaluation's globals and returns a
// function that takes the runtime's modules and returns the module's
// exports. Every statement keeps its line and column: import and export
// keywords are blanked in place and the bindings go on a header line above
// the code, so stack traces and source maps still point at the bundle.

/** The name under which the wrapper receives the modules (not a name resolver code can use by accident). */
const MODULES_PARAMETER = '$$appsyncModules';

/**
 * The runtime's globals that belong to one evaluation, in the order the
 * wrapper takes them: https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html#globals
 */
export const EVALUATION_GLOBALS = ['util', 'runtime', 'extensions', 'console'] as const;

/** Only these come from the runtime; everything else must be bundled. */
const RUNTIME_MODULE_PREFIX = '@aws-appsync/utils';

export interface WrappedModule {
  /** a script evaluating to `(...EVALUATION_GLOBALS) => (modules) => exports`; run it with `lineOffset: -1` */
  source: string;
  /** the module specifiers the code imports, e.g. `@aws-appsync/utils` */
  imports: string[];
}

export type ModuleWrapping = { ok: true; module: WrappedModule } | { ok: false; problems: CodeProblem[] };

type ProgramStatement = acorn.Program['body'][number];

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

function keyName(node: acorn.Identifier | acorn.Literal): string {
  return node.type === 'Identifier' ? node.name : String(node.value);
}

function problemAt(node: acorn.Node, message: string): CodeProblem {
  return {
    severity: 'error',
    errorType: 'LINT_ERROR',
    message,
    rule: null,
    line: node.loc?.start.line ?? 1,
    column: (node.loc?.start.column ?? 0) + 1,
    span: node.end - node.start,
  };
}

function importBinding(statement: acorn.ImportDeclaration): string[] {
  const source = `${MODULES_PARAMETER}[${JSON.stringify(statement.source.value)}]`;
  const named: string[] = [];
  const bindings: string[] = [];
  for (const specifier of statement.specifiers) {
    if (specifier.type === 'ImportNamespaceSpecifier') {
      bindings.push(`const ${specifier.local.name} = ${source};`);
    } else {
      const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default' : keyName(specifier.imported);
      named.push(`${JSON.stringify(imported)}: ${specifier.local.name}`);
    }
  }
  if (named.length > 0) {
    bindings.push(`const { ${named.join(', ')} } = ${source};`);
  }
  return bindings;
}

function declaredNames(declaration: acorn.Declaration): string[] | null {
  if (declaration.type === 'VariableDeclaration') {
    const names = declaration.declarations.map((declarator) =>
      declarator.id.type === 'Identifier' ? declarator.id.name : null,
    );
    return names.every((name) => name !== null) ? (names as string[]) : null;
  }
  return declaration.id ? [declaration.id.name] : null;
}

/** Turns an ES module into a position-preserving script; refuses module syntax AppSync code never needs. */
export function wrapModule(code: string): ModuleWrapping {
  const program = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  const problems: CodeProblem[] = [];
  const imports = new Set<string>();
  const header: string[] = [];
  /** exported name → local name */
  const exported = new Map<string, string>();
  const edits: { start: number; end: number }[] = [];

  const visit = (statement: ProgramStatement): void => {
    if (statement.type === 'ImportDeclaration') {
      const specifier = String(statement.source.value);
      if (!specifier.startsWith(RUNTIME_MODULE_PREFIX)) {
        problems.push(
          problemAt(statement, `Module '${specifier}' is not provided by the APPSYNC_JS runtime; bundle it.`),
        );
      }
      imports.add(specifier);
      header.push(...importBinding(statement));
      edits.push({ start: statement.start, end: statement.end });
    } else if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      if (statement.declaration) {
        const names = declaredNames(statement.declaration);
        if (!names) {
          problems.push(problemAt(statement, 'Only named declarations can be exported.'));
          return;
        }
        names.forEach((name) => exported.set(name, name));
        edits.push({ start: statement.start, end: statement.declaration.start });
      } else {
        for (const specifier of statement.specifiers) {
          exported.set(keyName(specifier.exported), keyName(specifier.local));
        }
        edits.push({ start: statement.start, end: statement.end });
      }
    } else if (statement.type === 'ExportDefaultDeclaration' || statement.type === 'ExportAllDeclaration') {
      problems.push(problemAt(statement, 'Export the handlers by name: export function request(ctx) {…}.'));
    } else if (statement.type === 'ExportNamedDeclaration') {
      problems.push(problemAt(statement, 'Re-exports from other modules are not supported; bundle them.'));
    }
  };
  program.body.forEach(visit);
  if (problems.length > 0) {
    return { ok: false, problems };
  }

  let body = '';
  let copiedUpTo = 0;
  for (const edit of edits) {
    body += code.slice(copiedUpTo, edit.start) + blank(code.slice(edit.start, edit.end));
    copiedUpTo = edit.end;
  }
  body += code.slice(copiedUpTo);
  const exportsObject = [...exported].map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(', ');
  const source =
    `(function (${EVALUATION_GLOBALS.join(', ')}) { 'use strict'; return function (${MODULES_PARAMETER}) { ` +
    `${header.join(' ')}\n${body}\n;return { ${exportsObject} };\n}; })`;
  return { ok: true, module: { source, imports: [...imports] } };
}
