import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundleTypeScript } from './runtime/bundle-typescript.ts';
import { BadRequestException, evaluateCode } from './evaluate-code.ts';
import type { HandlerName } from './types.ts';

// `appsync-local evaluate --code FILE --context FILE --function request|response`
// evaluates one handler as `aws appsync evaluate-code` does and prints the
// API's output; evaluate-cli.ts runs it on the process's arguments. A .ts
// resolver is bundled first (bundle-typescript.ts), with each
// `--define NAME=VALUE` replacing the identifier NAME by the string VALUE; a
// .js file is taken as the bundle.
// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html

const USAGE =
  'usage: appsync-local evaluate --code FILE(.ts|.js) --context FILE.json --function request|response [--define NAME=VALUE]...';

/** `NAME=VALUE` pairs as esbuild defines: each VALUE a string literal. */
function defines(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const separator = pair.indexOf('=');
      return [pair.slice(0, separator), JSON.stringify(pair.slice(separator + 1))];
    }),
  );
}

async function readCode(path: string, define: Record<string, string>): Promise<string> {
  if (path.endsWith('.ts')) {
    return (await bundleTypeScript({ path }, 'code.js', { define })).code;
  }
  return readFileSync(path, 'utf8');
}

/** Runs `appsync-local evaluate` with `args`, printing to `output`; the exit code. */
export async function evaluateCommand(args: string[], output: Pick<Console, 'log' | 'error'>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      context: { type: 'string' },
      function: { type: 'string' },
      define: { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values.code || !values.context || !values.function || values.define.some((pair) => !pair.includes('='))) {
    output.error(USAGE);
    return 2;
  }
  try {
    const evaluated = evaluateCode({
      runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' },
      code: await readCode(values.code, defines(values.define)),
      context: readFileSync(values.context, 'utf8'),
      function: values.function as HandlerName,
    });
    output.log(JSON.stringify(evaluated, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof BadRequestException) {
      output.error(`BadRequestException: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
