import type { Rule } from 'eslint';
import { unlistedBuiltins } from './builtin-warnings.ts';
import { noDeniedBuiltins, noUnsupportedStatements } from './construct-rules.ts';
import { noFunctionPassing, noFunctionReassign, noFunctionReturn, noRecursion } from './function-rules.ts';

/** Rules whose findings make AppSync refuse the code. */
export const localRules: Record<string, Rule.RuleModule> = {
  'no-recursion': noRecursion,
  'no-function-passing': noFunctionPassing,
  'no-function-return': noFunctionReturn,
  'no-function-reassign': noFunctionReassign,
  'no-unsupported-statements': noUnsupportedStatements,
  'no-denied-builtins': noDeniedBuiltins,
};

/** Rules whose findings are only warnings: built-ins AWS doesn't list. */
export const builtinWarnings: Record<string, Rule.RuleModule> = {
  'unlisted-builtins': unlistedBuiltins,
};
