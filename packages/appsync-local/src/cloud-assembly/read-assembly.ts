import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// A CDK cloud assembly (`cdk.out`) as the local runtime reads it: its
// stacks' templates, and where each asset a template names by its S3 object
// key lies on disk. Stages are nested assemblies, read the same way.
// https://github.com/aws/aws-cdk/tree/main/packages/%40aws-cdk/cloud-assembly-schema

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface StackTemplate {
  Parameters?: Record<string, { Default?: unknown }>;
  Resources?: Record<string, TemplateResource>;
}

export interface AssemblyStack {
  /** the stack's artifact id, e.g. `EventsApi-dev` (with its Stage's path inside a Stage) */
  name: string;
  template: StackTemplate;
  /** an asset's file on disk, by the S3 object key templates refer to it by */
  assetFiles: Map<string, string>;
}

interface Artifact {
  type: string;
  properties?: { templateFile?: string; file?: string; directoryName?: string };
}

interface AssetManifest {
  files?: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function assetFilesOf(directory: string, manifests: string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const manifestFile of manifests) {
    const manifest = readJson<AssetManifest>(join(directory, manifestFile));
    for (const asset of Object.values(manifest.files ?? {})) {
      for (const destination of Object.values(asset.destinations)) {
        files.set(destination.objectKey, join(directory, asset.source.path));
      }
    }
  }
  return files;
}

/** Every stack of the assembly in `directory`, those of its Stages included. */
export function readCloudAssembly(directory: string, prefix = ''): AssemblyStack[] {
  const manifestPath = join(directory, 'manifest.json');
  let manifest: { artifacts?: Record<string, Artifact> };
  try {
    manifest = readJson(manifestPath);
  } catch {
    throw new Error(`${manifestPath} is not a cloud assembly's manifest: run cdk synth first`);
  }
  const artifacts = Object.entries(manifest.artifacts ?? {});
  const assetManifests = artifacts
    .filter(([, artifact]) => artifact.type === 'cdk:asset-manifest' && artifact.properties?.file)
    .map(([, artifact]) => artifact.properties!.file!);
  const assetFiles = assetFilesOf(directory, assetManifests);
  return artifacts.flatMap(([id, artifact]): AssemblyStack[] => {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      const template = readJson<StackTemplate>(join(directory, artifact.properties.templateFile));
      return [{ name: `${prefix}${id}`, template, assetFiles }];
    }
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      return readCloudAssembly(join(directory, artifact.properties.directoryName), `${prefix}${id}/`);
    }
    return [];
  });
}
