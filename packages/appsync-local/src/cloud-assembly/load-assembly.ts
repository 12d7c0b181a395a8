import { resolveIntrinsics, UnresolvableIntrinsicError, type IntrinsicScope } from './intrinsics.ts';
import { nestedStacksOf } from './nested-stacks.ts';
import { readCloudAssembly, type AssemblyStack, type TemplateResource } from './read-assembly.ts';
import { standInAttribute, standInRef, type StandInResource } from './resource-stand-ins.ts';

// A cloud assembly with every stack's values resolvable: its top-level stacks
// (those of its Stages too) and their nested stacks, each with the parameter
// values its parent passes, its conditions, and the exports of every other
// stack for `Fn::ImportValue`. Values are resolved on demand, one property at
// a time, so a template's parts the local runtime never reads (a Lambda's
// `Fn::GetAZs`, say) cannot stop it.

type Properties = Record<string, unknown>;

/** Where the local runtime pretends an environment-agnostic stack lives. */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';

export interface LoadedStack extends AssemblyStack {
  /** the resources whose condition holds, by logical id */
  resources: Map<string, TemplateResource>;
  /** one of a resource's properties, resolved; a failure names the stack, resource and property */
  property(logicalId: string, name: string): unknown;
  /** all of a resource's properties, resolved */
  properties(logicalId: string): Properties;
  /** the value of one of the stack's Outputs */
  output(name: string): unknown;
  scope: IntrinsicScope;
}

export interface LoadedAssembly {
  directory: string;
  /** top-level stacks, each followed by its nested stacks */
  stacks: LoadedStack[];
}

/** How a nested stack's parent hands it values. */
export interface StackInputs {
  /** the values of the parameters the parent passes, resolved on first use */
  parameter(name: string): unknown;
  importValue(exportName: string): unknown;
  /** the stack an `AWS::CloudFormation::Stack` resource of this one creates */
  nestedStack(logicalId: string): LoadedStack | undefined;
}

function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const values = new Map<string, T>();
  return (key) => {
    if (!values.has(key)) {
      values.set(key, compute(key));
    }
    return values.get(key)!;
  };
}

function parameterValue(stack: AssemblyStack, name: string, inputs: StackInputs): unknown {
  const declared = stack.template.Parameters?.[name];
  const value = inputs.parameter(name) ?? declared?.Default;
  if (value === undefined) {
    throw new UnresolvableIntrinsicError(`parameter ${name} of ${stack.name} has no value and no Default`);
  }
  if (declared?.Type?.startsWith('AWS::SSM::Parameter::Value')) {
    throw new UnresolvableIntrinsicError(`parameter ${name} of ${stack.name} is read from SSM Parameter Store when deployed`);
  }
  return declared?.Type === 'CommaDelimitedList' && typeof value === 'string' ? value.split(',') : value;
}

/** A stack whose values resolve against the parameters and exports `inputs` gives it. */
export function loadStack(stack: AssemblyStack, inputs: StackInputs): LoadedStack {
  const template = stack.template;
  const region = stack.region ?? LOCAL_REGION;
  const account = stack.account ?? LOCAL_ACCOUNT;
  const pseudoParameters: Record<string, unknown> = {
    'AWS::Region': region,
    'AWS::AccountId': account,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::StackName': stack.stackName,
    'AWS::StackId': `arn:aws:cloudformation:${region}:${account}:stack/${stack.stackName}/local`,
    'AWS::NotificationARNs': [],
  };
  const scope: IntrinsicScope = {
    ref(name) {
      if (name in pseudoParameters) return pseudoParameters[name];
      if (template.Parameters && name in template.Parameters) return parameter(name);
      const resource = resources.get(name);
      return resource && standInRef(resource.Type, standIn(name));
    },
    getAtt(logicalId, attribute) {
      const resource = resources.get(logicalId);
      if (!resource) {
        throw new UnresolvableIntrinsicError(`Fn::GetAtt of ${logicalId}, which ${stack.name} does not define`);
      }
      const nested = inputs.nestedStack(logicalId);
      if (nested && attribute.startsWith('Outputs.')) {
        return nested.output(attribute.slice('Outputs.'.length));
      }
      return standInAttribute(resource.Type, standIn(logicalId), attribute);
    },
    condition: memoize((name) => {
      if (!template.Conditions || !(name in template.Conditions)) {
        throw new UnresolvableIntrinsicError(`condition ${name}, which ${stack.name} does not define`);
      }
      return resolveIntrinsics(template.Conditions[name], scope) === true;
    }),
    importValue: (name) => inputs.importValue(name),
    findInMap(mapName, topLevelKey, secondLevelKey) {
      const value = template.Mappings?.[mapName]?.[topLevelKey]?.[secondLevelKey];
      if (value === undefined) {
        throw new UnresolvableIntrinsicError(`Fn::FindInMap ${mapName}.${topLevelKey}.${secondLevelKey}: no such entry`);
      }
      return value;
    },
  };
  const parameter = memoize((name) => parameterValue(stack, name, inputs));
  const resources = new Map(
    Object.entries(template.Resources ?? {}).filter(
      ([, resource]) => resource.Condition === undefined || scope.condition(resource.Condition),
    ),
  );
  function resolveIn(where: string, value: unknown): unknown {
    try {
      return resolveIntrinsics(value, scope);
    } catch (error) {
      if (error instanceof UnresolvableIntrinsicError) {
        throw new UnresolvableIntrinsicError(`${stack.name}/${where}: ${error.message}`);
      }
      throw error;
    }
  }
  const property = (logicalId: string, name: string) =>
    resolveIn(`${logicalId}.${name}`, resources.get(logicalId)?.Properties?.[name]);
  const standIn = (logicalId: string): StandInResource => ({
    logicalId,
    stackName: stack.stackName,
    region,
    account,
    property: (name) => property(logicalId, name),
  });
  return {
    ...stack,
    resources,
    scope,
    property,
    properties: (logicalId) => resolveIn(logicalId, resources.get(logicalId)?.Properties ?? {}) as Properties,
    output(name) {
      const output = template.Outputs?.[name];
      if (!output) {
        throw new UnresolvableIntrinsicError(`${stack.name} has no output ${name}`);
      }
      return resolveIn(`Outputs.${name}`, output.Value);
    },
  };
}

/** Every stack of the assembly in `directory`, nested stacks included, ready to resolve. */
export function loadCloudAssembly(directory: string): LoadedAssembly {
  const stacks: LoadedStack[] = [];
  let exportsByName: Map<string, () => unknown> | undefined;
  function importValue(name: string): unknown {
    exportsByName ??= exportsOf(stacks);
    const value = exportsByName.get(name);
    if (!value) {
      throw new UnresolvableIntrinsicError(`Fn::ImportValue of ${name}, which no stack of the assembly exports`);
    }
    return value();
  }
  function load(stack: AssemblyStack, parameter: StackInputs['parameter']): LoadedStack {
    const children = new Map<string, LoadedStack>();
    const loaded = loadStack(stack, { parameter, importValue, nestedStack: (logicalId) => children.get(logicalId) });
    stacks.push(loaded);
    for (const nested of nestedStacksOf(loaded)) {
      children.set(nested.logicalId, load(nested.stack, nested.parameter));
    }
    return loaded;
  }
  for (const stack of readCloudAssembly(directory)) {
    load(stack, () => undefined);
  }
  return { directory, stacks };
}

/** Each stack's exported outputs by export name, as `Fn::ImportValue` finds them. */
function exportsOf(stacks: LoadedStack[]): Map<string, () => unknown> {
  const exports = new Map<string, () => unknown>();
  for (const stack of stacks) {
    for (const [name, output] of Object.entries(stack.template.Outputs ?? {})) {
      if (output.Export && (output.Condition === undefined || stack.scope.condition(output.Condition))) {
        exports.set(String(resolveIntrinsics(output.Export.Name, stack.scope)), () => stack.output(name));
      }
    }
  }
  return exports;
}
