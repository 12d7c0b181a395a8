import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handlerModule, type LambdaFunctionDefinition } from '../lambda/lambda-function.ts';

// The `AWS::Lambda::Function` a data source (or an authorizer) names by its
// ARN, as the local runtime runs it: a Node.js function whose code is an
// asset directory of the assembly (or inline `ZipFile` code), with its
// handler, environment variables, timeout and memory size. What cannot run
// here is a reason, for the list of what is not emulated.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html

/** A template resource whose properties have their intrinsics resolved, by logical id. */
export type ResolvedResource = [logicalId: string, resource: { Type: string; Properties: Record<string, unknown> }];

export type LambdaFromStack = { function: LambdaFunctionDefinition } | { unsupported: string };

/** The function's logical id: `Fn::GetAtt` resolves to `<logicalId>.Arn`; a literal ARN ends in its name. */
function findFunction(arn: string, resources: ResolvedResource[]): ResolvedResource | undefined {
  const functions = resources.filter(([, resource]) => resource.Type === 'AWS::Lambda::Function');
  const logicalId = arn.split('.')[0];
  const functionName = arn.startsWith('arn:') ? arn.split(':')[6] : undefined;
  return functions.find(([id, resource]) => id === logicalId || (functionName !== undefined && resource.Properties.FunctionName === functionName));
}

function inlineCodeDirectory(source: string): string {
  // CloudFormation names inline Node.js code index.js
  const directory = mkdtempSync(join(tmpdir(), 'appsync-local-lambda-'));
  writeFileSync(join(directory, 'index.js'), source);
  return directory;
}

function codeDirectoryOf(code: Record<string, unknown>, assetFiles: ReadonlyMap<string, string>): string {
  if (typeof code.ZipFile === 'string') {
    return inlineCodeDirectory(code.ZipFile);
  }
  const asset = typeof code.S3Key === 'string' ? assetFiles.get(code.S3Key) : undefined;
  if (!asset) {
    throw new Error(`no asset for its code ${String(code.S3Key ?? code.ImageUri ?? 'in the template')}`);
  }
  if (!statSync(asset).isDirectory()) {
    throw new Error(`its code asset ${asset} is an archive, which is not unpacked locally`);
  }
  return asset;
}

/** The Node.js function `arn` names in the stack, or why it cannot run locally. */
export function lambdaFunctionFromStack(
  arn: unknown,
  resources: ResolvedResource[],
  assetFiles: ReadonlyMap<string, string>,
): LambdaFromStack {
  const found = findFunction(String(arn), resources);
  if (!found) {
    return { unsupported: `Lambda function ${String(arn)} is not defined in the stack` };
  }
  const [logicalId, { Properties: properties }] = found;
  const where = `Lambda function ${logicalId}`;
  if (properties.PackageType === 'Image') {
    return { unsupported: `${where}: container images are not run locally (Node.js functions only)` };
  }
  const runtime = String(properties.Runtime);
  if (!runtime.startsWith('nodejs')) {
    return { unsupported: `${where}: runtime ${runtime} is not run locally (Node.js functions only)` };
  }
  if (Array.isArray(properties.Layers) && properties.Layers.length > 0) {
    return { unsupported: `${where}: layers are not emulated` };
  }
  const environment = (properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
  try {
    const codeDirectory = codeDirectoryOf(properties.Code as Record<string, unknown>, assetFiles);
    const handler = String(properties.Handler);
    handlerModule(codeDirectory, handler);
    return {
      function: {
        functionName: typeof properties.FunctionName === 'string' ? properties.FunctionName : logicalId,
        codeDirectory,
        handler,
        runtime,
        environment: Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, String(value)])),
        timeoutSeconds: typeof properties.Timeout === 'number' ? properties.Timeout : undefined,
        memorySize: typeof properties.MemorySize === 'number' ? properties.MemorySize : undefined,
      },
    };
  } catch (error) {
    return { unsupported: `${where}: ${(error as Error).message}` };
  }
}
