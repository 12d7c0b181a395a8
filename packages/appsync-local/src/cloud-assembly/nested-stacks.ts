import { assetFile } from './asset-files.ts';
import type { LoadedStack } from './load-assembly.ts';
import { readJson, type AssemblyStack, type StackTemplate } from './read-assembly.ts';

// The nested stacks of a stack: each `AWS::CloudFormation::Stack` resource's
// template, which CDK writes as a file asset (`<id>.nested.template.json`),
// and the parameters the parent passes it. Its outputs come back to the
// parent as `Fn::GetAtt [<id>, Outputs.<name>]`.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudformation-stack.html

export interface NestedStack {
  logicalId: string;
  stack: AssemblyStack;
  /** the value the parent passes for a parameter, resolved in the parent */
  parameter(name: string): unknown;
}

export function nestedStacksOf(parent: LoadedStack): NestedStack[] {
  return [...parent.resources]
    .filter(([, resource]) => resource.Type === 'AWS::CloudFormation::Stack')
    .map(([logicalId]) => {
      const templateUrl = parent.property(logicalId, 'TemplateURL');
      const file = assetFile(parent, templateUrl);
      if (!file) {
        throw new Error(`${parent.name}/${logicalId}: the nested stack's template ${String(templateUrl)} is not an asset of the assembly`);
      }
      let parameters: Record<string, unknown> | undefined;
      return {
        logicalId,
        stack: {
          name: `${parent.name}/${logicalId}`,
          stackName: `${parent.stackName}-${logicalId}`,
          template: readJson<StackTemplate>(file),
          assetFiles: parent.assetFiles,
          account: parent.account,
          region: parent.region,
        },
        parameter(name) {
          parameters ??= (parent.property(logicalId, 'Parameters') ?? {}) as Record<string, unknown>;
          return parameters[name];
        },
      };
    });
}
