import type { AssemblyStack } from './read-assembly.ts';

// Where an asset a template names by its S3 location lies in the assembly:
// `s3://bucket/key` (a resolver's CodeS3Location) or an HTTPS URL
// (`https://s3.<region>.amazonaws.com/bucket/key`, a nested stack's
// TemplateURL). CDK's asset manifests map each object key to its file.

/** The file of the asset at `location`, or undefined when no asset manifest lists it. */
export function assetFile(stack: Pick<AssemblyStack, 'assetFiles'>, location: unknown): string | undefined {
  if (typeof location !== 'string') {
    return undefined;
  }
  const path = location.replace(/^[a-z0-9]+:\/\/[^/]+\//, '');
  for (const [objectKey, file] of stack.assetFiles) {
    if (path === objectKey || path.endsWith(`/${objectKey}`)) {
      return file;
    }
  }
  return undefined;
}
