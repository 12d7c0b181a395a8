import type { Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';
import { ARRAY_CALLBACK_METHODS } from './supported-builtins.ts';

// AWS's rules `no-recursion`, `no-function-passing`, `no-function-return`
// and `no-function-reassign` resolve functions with the TypeScript checker,
// which a bundle doesn't have. These do the same from ESLint's scope
// analysis: a name refers to a function when its declaration is a function
// declaration or a variable initialised with a function expression.
// "Passing a function as an argument is not supported. Recursive function
// calls are not supported." https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html

type FunctionNode = ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

function isFunctionNode(node: ESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'FunctionExpression' ||
    node?.type === 'ArrowFunctionExpression'
  );
}

function findVariable(scope: Scope.Scope | null, identifier: ESTree.Identifier): Scope.Variable | undefined {
  const reference = scope?.references.find((candidate) => candidate.identifier === identifier);
  if (reference) {
    return reference.resolved ?? undefined;
  }
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(identifier.name);
    if (variable) {
      return variable;
    }
  }
  return undefined;
}

/** The function a name refers to, if its declaration says so. */
function declaredFunction(context: Rule.RuleContext, identifier: ESTree.Identifier): FunctionNode | undefined {
  const variable = findVariable(context.sourceCode.getScope(identifier), identifier);
  for (const definition of variable?.defs ?? []) {
    if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) {
      return definition.node;
    }
    if (definition.type === 'Variable' && isFunctionNode(definition.node.init)) {
      return definition.node.init;
    }
  }
  return undefined;
}

/** The function an expression evaluates to, when that is statically visible. */
function functionValue(
  context: Rule.RuleContext,
  expression: ESTree.Node | null | undefined,
): FunctionNode | undefined {
  if (isFunctionNode(expression)) {
    return expression;
  }
  return expression?.type === 'Identifier' ? declaredFunction(context, expression) : undefined;
}

function enclosingFunction(node: Rule.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      return current;
    }
  }
  return undefined;
}

function isArrayCallbackCall(call: ESTree.CallExpression | ESTree.NewExpression): boolean {
  return (
    call.type === 'CallExpression' &&
    call.callee.type === 'MemberExpression' &&
    !call.callee.computed &&
    call.callee.property.type === 'Identifier' &&
    ARRAY_CALLBACK_METHODS.has(call.callee.property.name)
  );
}

function functionName(node: FunctionNode): string {
  if (node.type !== 'ArrowFunctionExpression' && node.id) {
    return node.id.name;
  }
  const parent = (node as Rule.Node).parent;
  return parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier'
    ? parent.id.name
    : 'anonymous function';
}

export const noRecursion: Rule.RuleModule = {
  meta: {
    type: 'problem',
    messages: { noRecursion: 'Recursive function calls not supported. Detected cycle in {{path}}' },
    schema: [],
  },
  create(context) {
    /** caller → the functions it calls (or hands to an array method, which calls them) */
    const calls = new Map<FunctionNode, Set<FunctionNode>>();
    const callSites: { node: Rule.Node; caller: FunctionNode; callee: FunctionNode }[] = [];

    function addEdge(node: Rule.Node, caller: FunctionNode | undefined, callee: FunctionNode | undefined): void {
      if (!caller || !callee) {
        return;
      }
      const callees = calls.get(caller) ?? new Set<FunctionNode>();
      callees.add(callee);
      calls.set(caller, callees);
      callSites.push({ node, caller, callee });
    }

    /** a path from `from` to `to` through the call graph, if there is one */
    function pathBetween(from: FunctionNode, to: FunctionNode, seen = new Set<FunctionNode>()): FunctionNode[] | null {
      if (from === to) {
        return [to];
      }
      seen.add(from);
      for (const next of calls.get(from) ?? []) {
        if (!seen.has(next)) {
          const rest = pathBetween(next, to, seen);
          if (rest) {
            return [from, ...rest];
          }
        }
      }
      return null;
    }

    return {
      CallExpression(node) {
        const caller = enclosingFunction(node);
        addEdge(node, caller, functionValue(context, node.callee));
        if (isArrayCallbackCall(node)) {
          for (const argument of node.arguments) {
            addEdge(node, caller, functionValue(context, argument));
          }
        }
      },
      'Program:exit'() {
        for (const { node, caller, callee } of callSites) {
          const cycle = pathBetween(callee, caller);
          if (cycle) {
            const path = [caller, ...cycle].map(functionName).join(' -> ');
            context.report({ node, messageId: 'noRecursion', data: { path } });
          }
        }
      },
    };
  },
};

export const noFunctionPassing: Rule.RuleModule = {
  meta: {
    type: 'problem',
    messages: { noFunctionPassing: 'Functions can not be passed as an argument' },
    schema: [],
  },
  create(context) {
    function check(node: ESTree.CallExpression | ESTree.NewExpression): void {
      if (isArrayCallbackCall(node)) {
        return;
      }
      if (node.arguments.some((argument) => functionValue(context, argument))) {
        context.report({ node, messageId: 'noFunctionPassing' });
      }
    }
    return { CallExpression: check, NewExpression: check };
  },
};

export const noFunctionReturn: Rule.RuleModule = {
  meta: {
    type: 'problem',
    messages: { noFunctionReturn: 'returning a function is not allowed' },
    schema: [],
  },
  create(context) {
    return {
      ReturnStatement(node) {
        if (functionValue(context, node.argument)) {
          context.report({ node, messageId: 'noFunctionReturn' });
        }
      },
      ArrowFunctionExpression(node) {
        if (node.expression && functionValue(context, node.body)) {
          context.report({ node, messageId: 'noFunctionReturn' });
        }
      },
    };
  },
};

export const noFunctionReassign: Rule.RuleModule = {
  meta: {
    type: 'problem',
    messages: { noFunctionReAssign: 're-assigning function is not allowed' },
    schema: [],
  },
  create(context) {
    return {
      VariableDeclarator(node) {
        if (node.init?.type === 'Identifier' && declaredFunction(context, node.init)) {
          context.report({ node, messageId: 'noFunctionReAssign' });
        }
      },
      AssignmentExpression(node) {
        if (node.operator === '=' && node.right.type === 'Identifier' && declaredFunction(context, node.right)) {
          context.report({ node, messageId: 'noFunctionReAssign' });
        }
      },
    };
  },
};
