// One Lambda execution environment of a Node.js function, in a worker
// thread. Plain JavaScript: a worker does not inherit the TypeScript loader of
// the thread that starts it.
//
// As Lambda's Node.js runtime does, it imports the handler's module once (on
// the first invocation: an import error fails that invocation as
// Runtime.ImportModuleError), keeps module state between invocations, and
// runs one invocation at a time. The handler may be async or take a
// callback. A failure is reported as Lambda's Invoke API reports a function
// error: { errorType, errorMessage, trace }.
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
import { existsSync, readFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { codeDirectory, moduleFile, exportName, functionName, memoryLimitInMB, region, accountId } = workerData;

let handlerPromise;

function runtimeError(errorType, errorMessage) {
  return Object.assign(new Error(errorMessage), { name: errorType });
}

/**
 * The "type" of the package.json nearest the file within the code directory.
 * In Lambda the code directory is /var/task, with nothing above it; here a
 * package.json above the asset (an app's own "type": "module") must not
 * decide how the function's code is read.
 */
function packageTypeInCode(file) {
  for (let directory = dirname(file); !relative(codeDirectory, directory).startsWith('..'); directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      return JSON.parse(readFileSync(manifest, 'utf8')).type;
    }
    if (directory === codeDirectory) {
      break;
    }
  }
  return undefined;
}

/** A `.js` handler outside a "type": "module" package is CommonJS, whatever lies above the asset. */
function requireCommonJS(file) {
  const module = new Module(file);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  module._compile(readFileSync(file, 'utf8'), file);
  return module.exports;
}

async function importModule() {
  return moduleFile.endsWith('.js') && packageTypeInCode(moduleFile) !== 'module'
    ? requireCommonJS(moduleFile)
    : import(pathToFileURL(moduleFile).href);
}

async function loadHandler() {
  let module;
  try {
    module = await importModule();
  } catch (error) {
    throw runtimeError('Runtime.ImportModuleError', `Error: ${error?.message ?? String(error)}`);
  }
  const handler = module[exportName] ?? module.default?.[exportName];
  if (typeof handler !== 'function') {
    throw runtimeError('Runtime.HandlerNotFound', `${moduleFile.split('/').pop()}.${exportName} is undefined or not exported`);
  }
  return handler;
}

function functionError(error) {
  if (error instanceof Error) {
    return {
      errorType: error.name,
      errorMessage: error.message,
      trace: String(error.stack ?? '').split('\n'),
    };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function contextOf(invocation) {
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: String(memoryLimitInMB),
    awsRequestId: invocation.requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${invocation.requestId.replaceAll('-', '')}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, invocation.deadline - Date.now()),
  };
}

function run(handler, event, context) {
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error ? reject(error) : resolve(result));
    const returned = handler(event, context, callback);
    // a handler of fewer than three parameters answers with what it returns
    if (handler.length < 3 || (returned && typeof returned.then === 'function')) {
      Promise.resolve(returned).then(resolve, reject);
    }
  });
}

parentPort.on('message', async (invocation) => {
  try {
    // an environment whose init failed starts over on the next invocation, as Lambda's does
    handlerPromise ??= loadHandler().catch((error) => {
      handlerPromise = undefined;
      throw error;
    });
    const handler = await handlerPromise;
    const result = await run(handler, invocation.event, contextOf(invocation));
    // what Lambda returns is the handler's value serialized as JSON
    const payload = result === undefined ? null : JSON.parse(JSON.stringify(result));
    parentPort.postMessage({ ok: true, payload });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: functionError(error) });
  }
});
