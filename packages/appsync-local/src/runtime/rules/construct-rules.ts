import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import {
  DENIED_FUNCTION_METHODS,
  DENIED_GLOBALS,
  deniedInstanceMethod,
  isDeniedObjectStatic,
} from './denied-builtins.ts';
import { globalReferenceName, isRuntimeLibraryValue } from './references.ts';

// What the supported-features page refuses and AWS's ESLint plugin lets
// through, or only catches with type information: `throw`, class and
// generator expressions, `new RegExp`, function constructors, any use of
// `Promise`, `apply`/`bind`/`call`, `sort` with arguments, and the denied
// built-in methods.
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html

function calledMethodName(call: ESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') {
    return undefined;
  }
  return callee.property.name;
}

export const noUnsupportedStatements: Rule.RuleModule = {
  meta: {
    type: 'problem',
    messages: {
      noThrow: 'Throw statements are not supported. Use util.error() to return an error.',
      noClass: 'Class expressions are not supported.',
      noGenerator: 'Generator functions are not supported.',
      noDynamicImport: 'Dynamic import() is not supported.',
    },
    schema: [],
  },
  create(context) {
    return {
      ThrowStatement: (node) => context.report({ node, messageId: 'noThrow' }),
      ClassExpression: (node) => context.report({ node, messageId: 'noClass' }),
      ImportExpression: (node) => context.report({ node, messageId: 'noDynamicImport' }),
      FunctionExpression(node) {
        if (node.generator) {
          context.report({ node, messageId: 'noGenerator' });
        }
      },
    };
  },
};

export const noDeniedBuiltins: Rule.RuleModule = {
  meta: {
    type: 'problem',
    messages: {
      deniedGlobal: '{{message}}',
      deniedMethod: 'Method {{methodName}} is not implemented',
      functionMethod: 'The {{method}} method of functions is not supported.',
      sortArguments: "Array.prototype.sort() doesn't support arguments.",
    },
    schema: [],
  },
  create(context) {
    return {
      Identifier(node) {
        const name = globalReferenceName(context.sourceCode.getScope(node), node);
        const parent = node.parent;
        const isPropertyName =
          (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
          (parent.type === 'Property' && parent.key === node && !parent.computed);
        // AWS's own rule `no-promise` already reports `new Promise`
        const reportedByAws = name === 'Promise' && parent.type === 'NewExpression' && parent.callee === node;
        const message = name && !isPropertyName && !reportedByAws ? DENIED_GLOBALS.get(name) : undefined;
        if (message) {
          context.report({ node, messageId: 'deniedGlobal', data: { message } });
        }
      },
      CallExpression(node) {
        const method = calledMethodName(node);
        if (!method || node.callee.type !== 'MemberExpression') {
          return;
        }
        const receiver = node.callee.object;
        const scope = context.sourceCode.getScope(node);
        const receiverGlobal = globalReferenceName(scope, receiver);
        if (receiverGlobal === 'Object') {
          if (isDeniedObjectStatic(method)) {
            context.report({ node, messageId: 'deniedMethod', data: { methodName: `ObjectConstructor.${method}` } });
          }
          return;
        }
        if (receiverGlobal) {
          return;
        }
        if (DENIED_FUNCTION_METHODS.has(method)) {
          context.report({ node, messageId: 'functionMethod', data: { method } });
        } else if (method === 'sort' && node.arguments.length > 0) {
          context.report({ node, messageId: 'sortArguments' });
        } else if (deniedInstanceMethod(method) && !isRuntimeLibraryValue(scope, receiver)) {
          context.report({ node, messageId: 'deniedMethod', data: { methodName: deniedInstanceMethod(method)! } });
        }
      },
    };
  },
};
