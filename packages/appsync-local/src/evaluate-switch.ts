import {
  AppSyncClient,
  EvaluateCodeCommand,
  type EvaluateCodeCommandInput,
  type EvaluateCodeCommandOutput,
} from '@aws-sdk/client-appsync';
import { evaluateCode, type CodeError, type EvaluateCodeInput, type EvaluateCodeOutput } from './evaluate-code.ts';

// Which EvaluateCode resolver unit tests call (`appsync-local/evaluate`):
//
//   npx vitest run                            the local evaluator (evaluate-code.ts), no AWS needed
//   EVALUATE_WITH_APPSYNC=1 npx vitest run    AWS AppSync's EvaluateCode API
//
// The second form needs AWS credentials and a region from the SDK's usual
// sources (AWS_PROFILE, AWS_ACCESS_KEY_ID…, AWS_REGION) and permission for
// `appsync:EvaluateCode`; it creates nothing in the account. Without
// credentials it stops with one line instead of quietly testing locally, so
// a run that claims to check AWS really did.
// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html

/** The one runtime EvaluateCode accepts. */
export const APPSYNC_JS = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } as const;

type Evaluator = (input: EvaluateCodeInput) => Promise<EvaluateCodeOutput>;

/** The API's answer in the local contract's shape: the SDK marks every member optional. */
function asOutput(response: EvaluateCodeCommandOutput): EvaluateCodeOutput {
  return {
    ...(response.evaluationResult === undefined ? {} : { evaluationResult: response.evaluationResult }),
    ...(response.error
      ? { error: { message: response.error.message ?? '', codeErrors: (response.error.codeErrors ?? []) as CodeError[] } }
      : {}),
    logs: response.logs ?? [],
    stash: response.stash ?? '{}',
    outErrors: response.outErrors ?? '[]',
  };
}

/** AppSync's EvaluateCode API, once the SDK found credentials and a region; an error in one line when it did not. */
export async function appSyncEvaluator(): Promise<Evaluator> {
  const client = new AppSyncClient({});
  try {
    await client.config.credentials();
    await client.config.region();
  } catch (error) {
    const reason = String((error as Error).message).split('\n')[0];
    throw new Error(`EVALUATE_WITH_APPSYNC=1 needs AWS credentials and a region (${reason}); set them or unset EVALUATE_WITH_APPSYNC`);
  }
  return async (input) => {
    // the SDK types the runtime name as a literal; the API refuses other names just as the local evaluator does
    const runtime = input.runtime as EvaluateCodeCommandInput['runtime'];
    return asOutput(await client.send(new EvaluateCodeCommand({ ...input, runtime })));
  };
}

const evaluator: Evaluator =
  process.env.EVALUATE_WITH_APPSYNC === '1' ? await appSyncEvaluator() : async (input) => evaluateCode(input);

/** Evaluates one handler exactly as AppSync's EvaluateCode API does, locally or on AWS (see above). */
export function evaluate(input: EvaluateCodeInput): Promise<EvaluateCodeOutput> {
  return evaluator(input);
}
