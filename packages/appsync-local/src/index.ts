// The local AppSync runtime's public entry points for tools and tests.

export {
  BadRequestException,
  evaluateCode,
  type AppSyncRuntime,
  type CodeError,
  type EvaluateCodeErrorDetail,
  type EvaluateCodeInput,
  type EvaluateCodeOutput,
} from './evaluate-code.ts';
