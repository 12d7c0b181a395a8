import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// A CDK cloud assembly (`cdk.out`) as the local runtime reads it: its
// stacks' templates, and where each asset a template names by its S3 object
// key lies on disk. Stages are nested assemblies, read the same way.
// https://github.com/aws/aws-cdk/tree/main/packages/%40aws-cdk/cloud-assembly-schema

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  /** the name of a condition: the resource exists only where it holds */
  Condition?: string;
}

export interface TemplateOutput {
  Value: unknown;
  Export?: { Name: unknown };
  Condition?: string;
}

export interface StackTemplate {
  Parameters?: Record<string, { Type?: string; Default?: unknown }>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources?: Record<string, TemplateResource>;
  Outputs?: Record<string, TemplateOutput>;
}

export interface AssemblyStack {
  /**
   * how `--stack` names it: the display name CDK prints (`EventsApi-dev`,
   * `Prod/Api` inside the Stage Prod), a nested stack's with its logical id
   * appended (`Prod/Api/Tables`)
   */
  name: string;
  /** `AWS::StackName` */
  stackName: string;
  template: StackTemplate;
  /** an asset's file on disk, by the S3 object key templates refer to it by */
  assetFiles: Map<string, string>;
  /** the account and region the stack names (`aws://123456789012/eu-west-1`), unless environment-agnostic */
  account?: string;
  region?: string;
}

interface Artifact {
  type: string;
  displayName?: string;
  environment?: string;
  properties?: { templateFile?: string; file?: string; directoryName?: string; stackName?: string };
}

interface AssetManifest {
  files?: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
}

export function readJson<T>(path: string): T {
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

/** `aws://unknown-account/unknown-region` is an environment-agnostic stack's. */
function environmentOf(artifact: Artifact): { account?: string; region?: string } {
  const [account, region] = (artifact.environment ?? '').replace(/^aws:\/\//, '').split('/');
  return {
    ...(account && !account.startsWith('unknown-') ? { account } : {}),
    ...(region && !region.startsWith('unknown-') ? { region } : {}),
  };
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
      const name = artifact.displayName ?? `${prefix}${id}`;
      return [{ name, stackName: artifact.properties.stackName ?? id, template, assetFiles, ...environmentOf(artifact) }];
    }
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      return readCloudAssembly(join(directory, artifact.properties.directoryName), `${prefix}${id}/`);
    }
    return [];
  });
}
