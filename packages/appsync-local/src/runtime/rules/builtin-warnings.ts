import type { Rule } from 'eslint';
import {
  DENIED_FUNCTION_METHODS,
  DENIED_GLOBALS,
  deniedInstanceMethod,
  isDeniedObjectStatic,
} from './denied-builtins.ts';
import { globalReferenceName, isRuntimeLibraryValue } from './references.ts';
import {
  BUILTIN_INSTANCE_METHODS,
  SUPPORTED_GLOBALS,
  SUPPORTED_INSTANCE_METHODS,
  SUPPORTED_STATIC_MEMBERS,
} from './supported-builtins.ts';

// Built-ins that are neither on AWS's supported list nor refused by it
// (`Date`, `Map`, `parseInt`, `Object.fromEntries`, `"x".includes()`…). The
// documentation doesn't say what AppSync does with them, so they are
// reported as warnings: the code runs locally, and the log says it may not
// run on AppSync. https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html

const UNLISTED = '{{name}} is not on the APPSYNC_JS list of supported built-ins; it may not work on AppSync.';

export const unlistedBuiltins: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    messages: { unlisted: UNLISTED },
    schema: [],
  },
  create(context) {
    function report(node: Rule.Node, name: string): void {
      context.report({ node, messageId: 'unlisted', data: { name } });
    }
    return {
      Program(node) {
        // ES globals (`Date`, `Map`) are declared in the global scope; other
        // globals (`setTimeout`) are references that resolve nowhere
        const globalScope = context.sourceCode.getScope(node);
        const builtinReferences = globalScope.variables
          .filter((variable) => variable.defs.length === 0)
          .flatMap((variable) => variable.references);
        for (const reference of [...builtinReferences, ...globalScope.through]) {
          const name = reference.identifier.name;
          if (!SUPPORTED_GLOBALS.has(name) && !DENIED_GLOBALS.has(name)) {
            report(reference.identifier as Rule.Node, name);
          }
        }
      },
      MemberExpression(node) {
        const namespace = globalReferenceName(context.sourceCode.getScope(node), node.object);
        const members = namespace ? SUPPORTED_STATIC_MEMBERS.get(namespace) : undefined;
        if (!members || node.computed || node.property.type !== 'Identifier') {
          return;
        }
        const member = node.property.name;
        const deniedElsewhere = namespace === 'Object' && isDeniedObjectStatic(member);
        if (!members.has(member) && !deniedElsewhere) {
          report(node, `${namespace}.${member}`);
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') {
          return;
        }
        const method = callee.property.name;
        const scope = context.sourceCode.getScope(node);
        const isNamespaceCall = globalReferenceName(scope, callee.object) !== undefined;
        const refused = DENIED_FUNCTION_METHODS.has(method) || deniedInstanceMethod(method) !== undefined;
        if (
          !isNamespaceCall &&
          !isRuntimeLibraryValue(scope, callee.object) &&
          !refused &&
          BUILTIN_INSTANCE_METHODS.has(method) &&
          !SUPPORTED_INSTANCE_METHODS.has(method)
        ) {
          report(node, `.${method}()`);
        }
      },
    };
  },
};
