import { isRecord } from '../is-record.ts';
// The CloudFormation intrinsic functions a CDK template uses where the local
// runtime reads values, resolved as far as a local stand-in allows: a
// resource's Ref is its logical id (its physical name is only known once
// deployed), `Fn::GetAtt` gives `<logicalId>.<attribute>`, pseudo parameters
// take fixed local values.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

export const LOCAL_PSEUDO_PARAMETERS: Readonly<Record<string, string>> = Object.freeze({
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '000000000000',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::NoValue': '',
});

export interface IntrinsicScope {
  /** a parameter's value, or a resource's stand-in physical id, by logical id */
  ref(logicalId: string): string | undefined;
}

export class UnresolvableIntrinsicError extends Error {}

function resolveRef(name: string, scope: IntrinsicScope): string {
  const value = LOCAL_PSEUDO_PARAMETERS[name] ?? scope.ref(name);
  if (value === undefined) {
    throw new UnresolvableIntrinsicError(`Ref to ${name}, which the template does not define`);
  }
  return value;
}

function substitute(template: string, variables: Record<string, unknown>, scope: IntrinsicScope): string {
  return template.replace(/\$\{([^!}][^}]*)\}/g, (_, name: string) => {
    if (name in variables) {
      return String(resolveIntrinsics(variables[name], scope));
    }
    const [logicalId, attribute] = name.split('.');
    return attribute === undefined ? resolveRef(logicalId, scope) : `${logicalId}.${attribute}`;
  });
}

const FUNCTIONS: Record<string, (argument: unknown, scope: IntrinsicScope) => unknown> = {
  Ref: (name, scope) => resolveRef(String(name), scope),
  'Fn::GetAtt': (argument) => {
    const [logicalId, attribute] = Array.isArray(argument) ? argument : String(argument).split('.');
    return `${logicalId}.${attribute}`;
  },
  'Fn::Sub': (argument, scope) => {
    const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
    return substitute(String(template), (variables ?? {}) as Record<string, unknown>, scope);
  },
  'Fn::Join': (argument, scope) => {
    const [separator, parts] = argument as [string, unknown];
    return (resolveIntrinsics(parts, scope) as unknown[]).map(String).join(separator);
  },
  'Fn::Select': (argument, scope) => {
    const [index, list] = argument as [unknown, unknown];
    return (resolveIntrinsics(list, scope) as unknown[])[Number(resolveIntrinsics(index, scope))];
  },
  'Fn::Split': (argument, scope) => {
    const [separator, text] = argument as [string, unknown];
    return String(resolveIntrinsics(text, scope)).split(separator);
  },
};

/** A template value with every intrinsic function in it replaced by its local value. */
export function resolveIntrinsics(value: unknown, scope: IntrinsicScope): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => resolveIntrinsics(item, scope));
  }
  if (!isRecord(value)) {
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    const resolve = FUNCTIONS[keys[0]];
    if (!resolve) {
      throw new UnresolvableIntrinsicError(`${keys[0]} is not resolved locally`);
    }
    return resolve(value[keys[0]], scope);
  }
  return Object.fromEntries(keys.map((key) => [key, resolveIntrinsics(value[key], scope)]));
}
