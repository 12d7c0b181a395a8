import { isRecord } from '../is-record.ts';

// The CloudFormation intrinsic functions and condition functions a CDK
// template uses, resolved against a scope that knows the stack: its
// parameters and pseudo parameters, its resources' stand-in physical ids and
// attributes (see stack-scope.ts), its conditions, and the exports of the
// other stacks of the assembly.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

export interface IntrinsicScope {
  /** a parameter's or pseudo parameter's value, or a resource's stand-in physical id; undefined if unknown */
  ref(name: string): unknown;
  /** a resource's attribute, e.g. a nested stack's `Outputs.TableName` */
  getAtt(logicalId: string, attribute: string): unknown;
  /** whether the named condition of the template holds */
  condition(name: string): boolean;
  /** the value another stack exports under this name */
  importValue(exportName: string): unknown;
  /** `Fn::FindInMap` over the template's Mappings */
  findInMap(mapName: string, topLevelKey: string, secondLevelKey: string): unknown;
}

export class UnresolvableIntrinsicError extends Error {}

/**
 * `{ "Ref": "AWS::NoValue" }`: the property it stands in is removed.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html#cfn-pseudo-param-novalue
 */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

function resolveRef(name: string, scope: IntrinsicScope): unknown {
  if (name === 'AWS::NoValue') {
    return NO_VALUE;
  }
  const value = scope.ref(name);
  if (value === undefined) {
    throw new UnresolvableIntrinsicError(`Ref to ${name}, which the template does not define`);
  }
  return value;
}

function getAtt(logicalIdAndAttribute: string, scope: IntrinsicScope): unknown {
  const dot = logicalIdAndAttribute.indexOf('.');
  return scope.getAtt(logicalIdAndAttribute.slice(0, dot), logicalIdAndAttribute.slice(dot + 1));
}

function substitute(template: string, variables: Record<string, unknown>, scope: IntrinsicScope): string {
  // `${!Literal}` writes `${Literal}`
  return template.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    if (name.startsWith('!')) {
      return `\${${name.slice(1)}}`;
    }
    if (Object.hasOwn(variables, name)) {
      return String(resolveIntrinsics(variables[name], scope));
    }
    return String(name.includes('.') ? getAtt(name, scope) : resolveRef(name, scope));
  });
}

function list(value: unknown, scope: IntrinsicScope, what: string): unknown[] {
  const resolved = resolveIntrinsics(value, scope);
  if (!Array.isArray(resolved)) {
    throw new UnresolvableIntrinsicError(`${what} needs a list, got ${JSON.stringify(resolved)}`);
  }
  return resolved;
}

function holds(value: unknown, scope: IntrinsicScope): boolean {
  const resolved = resolveIntrinsics(value, scope);
  if (typeof resolved !== 'boolean') {
    throw new UnresolvableIntrinsicError(`a condition must be true or false, got ${JSON.stringify(resolved)}`);
  }
  return resolved;
}

const FUNCTIONS: Record<string, (argument: unknown, scope: IntrinsicScope) => unknown> = {
  Ref: (name, scope) => resolveRef(String(name), scope),
  'Fn::GetAtt': (argument, scope) =>
    Array.isArray(argument)
      ? scope.getAtt(String(argument[0]), String(resolveIntrinsics(argument[1], scope)))
      : getAtt(String(argument), scope),
  'Fn::Sub': (argument, scope) => {
    const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
    return substitute(String(template), (variables ?? {}) as Record<string, unknown>, scope);
  },
  'Fn::Join': (argument, scope) => {
    const [separator, parts] = argument as [string, unknown];
    return list(parts, scope, 'Fn::Join').map(String).join(separator);
  },
  'Fn::Select': (argument, scope) => {
    const [index, items] = argument as [unknown, unknown];
    return list(items, scope, 'Fn::Select')[Number(resolveIntrinsics(index, scope))];
  },
  'Fn::Split': (argument, scope) => {
    const [separator, text] = argument as [string, unknown];
    return String(resolveIntrinsics(text, scope)).split(separator);
  },
  'Fn::ImportValue': (name, scope) => scope.importValue(String(resolveIntrinsics(name, scope))),
  'Fn::FindInMap': (argument, scope) => {
    const [mapName, topLevelKey, secondLevelKey] = list(argument, scope, 'Fn::FindInMap').map(String);
    return scope.findInMap(mapName, topLevelKey, secondLevelKey);
  },
  'Fn::Base64': (text, scope) => Buffer.from(String(resolveIntrinsics(text, scope))).toString('base64'),
  'Fn::If': (argument, scope) => {
    const [condition, whenTrue, whenFalse] = argument as [string, unknown, unknown];
    return resolveIntrinsics(scope.condition(condition) ? whenTrue : whenFalse, scope);
  },
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
  'Fn::Equals': (argument, scope) => {
    const [left, right] = list(argument, scope, 'Fn::Equals');
    return JSON.stringify(left) === JSON.stringify(right);
  },
  'Fn::And': (argument, scope) => (argument as unknown[]).every((condition) => holds(condition, scope)),
  'Fn::Or': (argument, scope) => (argument as unknown[]).some((condition) => holds(condition, scope)),
  'Fn::Not': (argument, scope) => !holds((argument as unknown[])[0], scope),
};

/** A template value with every intrinsic function in it replaced by its local value. */
export function resolveIntrinsics(value: unknown, scope: IntrinsicScope): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => resolveIntrinsics(item, scope)).filter((item) => item !== NO_VALUE);
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
  // `{ "Condition": "Name" }` inside a condition function refers to another condition
  if (keys.length === 1 && keys[0] === 'Condition' && typeof value.Condition === 'string') {
    return scope.condition(value.Condition);
  }
  return Object.fromEntries(
    keys.map((key) => [key, resolveIntrinsics(value[key], scope)]).filter(([, resolved]) => resolved !== NO_VALUE),
  );
}
