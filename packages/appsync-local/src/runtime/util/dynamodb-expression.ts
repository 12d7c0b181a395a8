// Filter objects (`{ title: { contains: 'x' }, or: [...] }`) to DynamoDB
// expressions, as `util.transform.toDynamoDBFilterExpression` and
// `toDynamoDBConditionExpression` render them and as the DynamoDB module uses
// them for conditions, filters and key conditions.
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
//
// The exact text (where parentheses go, `:and_0_a_eq` value names, "(null)"
// for an empty `in`) follows what AWS returned for each shape, as recorded in
// localstack/appsync-utils, __tests__/__snapshots__/transform.test.js.snap.

import { isPlainObject, toDynamoDB, type AttributeValue } from './dynamodb-values.ts';

/** A rendered expression with its placeholders, the shape DynamoDB requests carry. */
export interface DynamoDBExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValue>;
}

/** A filter object AWS refuses to render: the transforms answer `null` for it. */
class UnrenderableFilter extends Error {}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

const FUNCTIONS: Record<string, (path: string, value: string) => string> = {
  contains: (path, value) => `contains(${path},${value})`,
  notContains: (path, value) => `NOT contains(${path},${value})`,
  beginsWith: (path, value) => `begins_with(${path},${value})`,
};

/** `attributeType` names to DynamoDB's type codes. */
const ATTRIBUTE_TYPES: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

function hasOwn(table: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** One part per condition; a single part stands alone, several are ANDed inside parentheses. */
function group(parts: string[], joiner: 'AND' | 'OR'): string {
  return parts.length === 1 ? parts[0] : parts.length === 0 ? '' : `(${parts.join(` ${joiner} `)})`;
}

class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};

  /** Conditions of one filter object, ANDed without outer parentheses. */
  renderObject(filter: unknown, prefix: string): string {
    if (!isPlainObject(filter)) {
      throw new UnrenderableFilter();
    }
    const parts: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === 'and' || key === 'or') {
        parts.push(this.renderGroup(key, value, prefix));
      } else if (key === 'not') {
        parts.push(`(NOT ${this.renderObject(value, `${prefix}not_`)})`);
      } else if (value !== undefined && value !== null) {
        // a field given as null or undefined constrains nothing (the .d.ts allows null)
        parts.push(this.renderField(key, value, prefix));
      }
    }
    return parts.join(' AND ');
  }

  private renderGroup(kind: 'and' | 'or', members: unknown, prefix: string): string {
    if (!Array.isArray(members)) {
      throw new UnrenderableFilter();
    }
    const parts = members.map((member, index) => this.renderObject(member, `${prefix}${kind}_${index}_`));
    return group(parts, kind === 'and' ? 'AND' : 'OR');
  }

  private renderField(name: string, operators: unknown, prefix: string): string {
    if (!isPlainObject(operators)) {
      throw new UnrenderableFilter();
    }
    const placeholder = `#${name}`;
    this.names[placeholder] = name;
    return this.renderOperators(placeholder, operators, `${prefix}${name}_`);
  }

  /** `path` is `#name` or `size(#name)`; value names start with `valuePrefix`. */
  private renderOperators(path: string, operators: Record<string, unknown>, valuePrefix: string): string {
    const parts: string[] = [];
    for (const [operator, operand] of Object.entries(operators)) {
      if (operand !== undefined) {
        parts.push(this.renderOperator(path, operator, operand, valuePrefix));
      }
    }
    return group(parts, 'AND');
  }

  private renderOperator(path: string, operator: string, operand: unknown, valuePrefix: string): string {
    const value = `:${valuePrefix}${operator}`;
    if (hasOwn(COMPARISONS, operator)) {
      this.addValue(value, operand);
      return `(${path} ${COMPARISONS[operator]} ${value})`;
    }
    if (hasOwn(FUNCTIONS, operator)) {
      this.addValue(value, operand);
      return `(${FUNCTIONS[operator](path, value)})`;
    }
    switch (operator) {
      case 'between':
        return this.renderBetween(path, operand, value);
      case 'in':
        return this.renderIn(path, operand, value);
      case 'attributeExists':
        if (typeof operand !== 'boolean') {
          throw new UnrenderableFilter();
        }
        return operand ? `(attribute_exists(${path}))` : `(attribute_not_exists(${path}))`;
      case 'attributeType':
        if (typeof operand !== 'string' || !hasOwn(ATTRIBUTE_TYPES, operand)) {
          throw new UnrenderableFilter();
        }
        this.addValue(value, ATTRIBUTE_TYPES[operand]);
        return `(attribute_type(${path},${value}))`;
      case 'size':
        if (!isPlainObject(operand)) {
          throw new UnrenderableFilter();
        }
        // a size nested in a size measures the same attribute again
        return this.renderOperators(path.startsWith('size(') ? path : `size(${path})`, operand, `${valuePrefix}size_`);
      default:
        throw new UnrenderableFilter();
    }
  }

  private renderBetween(path: string, bounds: unknown, value: string): string {
    if (!Array.isArray(bounds) || bounds.length < 2) {
      throw new UnrenderableFilter();
    }
    this.addValue(`${value}_start`, bounds[0]);
    this.addValue(`${value}_end`, bounds[1]);
    return `(${path} BETWEEN ${value}_start AND ${value}_end)`;
  }

  private renderIn(path: string, candidates: unknown, value: string): string {
    if (!Array.isArray(candidates)) {
      throw new UnrenderableFilter();
    }
    if (candidates.length === 0) {
      return '(null)';
    }
    const placeholders = candidates.map((candidate, index) => {
      this.addValue(`${value}_${index}`, candidate);
      return `${value}_${index}`;
    });
    return `(${path} IN (${placeholders.join(', ')}))`;
  }

  private addValue(placeholder: string, operand: unknown): void {
    this.values[placeholder] = toDynamoDB(operand) ?? { NULL: null };
  }
}

/** The expression for a filter object, or null where AWS refuses the object. */
export function renderFilterExpression(filter: unknown): DynamoDBExpression | null {
  const builder = new ExpressionBuilder();
  try {
    const expression = builder.renderObject(filter, '');
    return { expression, expressionNames: builder.names, expressionValues: builder.values };
  } catch (error) {
    if (error instanceof UnrenderableFilter) {
      return null;
    }
    throw error;
  }
}
