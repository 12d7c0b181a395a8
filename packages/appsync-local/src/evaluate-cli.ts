import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundleTypeScript } from './runtime/bundle-typescript.ts';
import { BadRequestException, evaluateCode } from './evaluate-code.ts';
import type { HandlerName } from './types.ts';

// `npm run evaluate -- --code FILE --context FILE --function request|response`
// evaluates one handler as `aws appsync evaluate-code` does and prints the
// API's output. A .ts resolver is bundled first, exactly as `npm run build`
// bundles it; a .js file is taken as the bundle.
// https://docs.aws.amazon.com/appsync/latest/devguide/test-resolvers.html

const USAGE = 'usage: npm run evaluate -- --code FILE(.ts|.js) --context FILE.json --function request|response';

async function readCode(path: string): Promise<string> {
  if (path.endsWith('.ts')) {
    return (await bundleTypeScript({ path }, 'code.js')).code;
  }
  return readFileSync(path, 'utf8');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { code: { type: 'string' }, context: { type: 'string' }, function: { type: 'string' } },
  });
  if (!values.code || !values.context || !values.function) {
    console.error(USAGE);
    return 2;
  }
  try {
    const output = evaluateCode({
      runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' },
      code: await readCode(values.code),
      context: readFileSync(values.context, 'utf8'),
      function: values.function as HandlerName,
    });
    console.log(JSON.stringify(output, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof BadRequestException) {
      console.error(`BadRequestException: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
