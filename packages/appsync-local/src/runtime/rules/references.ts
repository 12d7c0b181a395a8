import type { Scope } from 'eslint';
import type * as ESTree from 'estree';

// What a name in a bundle refers to, from ESLint's scope analysis.

/** The runtime's globals besides the ES built-ins. https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html#globals */
const RUNTIME_LIBRARY_GLOBALS: ReadonlySet<string> = new Set(['util', 'runtime', 'extensions']);

function variableOf(scope: Scope.Scope, name: string): { variable?: Scope.Variable; scope?: Scope.Scope } {
  for (let current: Scope.Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) {
      return { variable, scope: current };
    }
  }
  return {};
}

/** The global an identifier refers to, or undefined when it is declared in the code (or isn't an identifier). */
export function globalReferenceName(scope: Scope.Scope, node: ESTree.Node): string | undefined {
  if (node.type !== 'Identifier') {
    return undefined;
  }
  const found = variableOf(scope, node.name);
  if (!found.variable) {
    return node.name;
  }
  return found.scope?.type === 'global' && found.variable.defs.length === 0 ? node.name : undefined;
}

/**
 * Whether an expression such as `util.str.normalize` or `ddb.get` reaches
 * into the runtime's own library (an import, or util/runtime/extensions):
 * its method names say nothing about built-in prototypes.
 */
export function isRuntimeLibraryValue(scope: Scope.Scope, expression: ESTree.Node): boolean {
  let root = expression;
  while (root.type === 'MemberExpression') {
    root = root.object;
  }
  if (root.type !== 'Identifier') {
    return false;
  }
  const global = globalReferenceName(scope, root);
  if (global) {
    return RUNTIME_LIBRARY_GLOBALS.has(global);
  }
  return variableOf(scope, root.name).variable?.defs.some((definition) => definition.type === 'ImportBinding') ?? false;
}
