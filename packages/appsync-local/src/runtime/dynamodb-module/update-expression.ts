// The update object of `update()` to an update expression. Names and values
// are numbered in the order met (`SET #expName_1 = :expValue_1`), null sets the
// attribute to NULL and increments read `#n = #n + :v`, as AWS answers
// (localstack/appsync-utils, __tests__/__snapshots__/index.test.js.snap, and
// EvaluateCode outputs published with resolver tests).
// A plain object updates the members it lists, each by its own path; replace()
// and add() set a whole value instead.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import type { DynamoDBExpression } from '../util/dynamodb-expression.ts';
import { isPlainObject, toDynamoDB, type AttributeValue } from '../util/dynamodb-values.ts';
import { asOperation, type UpdateOperation } from './operations.ts';

/** `[operations.updateListItem(v, 1), …]`: replaces those items instead of the whole list. */
function isListItemUpdates(change: unknown): change is UpdateOperation[] {
  return Array.isArray(change) && change.length > 0 && change.every((item) => asOperation(item)?.type === 'OPERATION_UPDATE_LIST_ITEM');
}

class UpdateExpressionBuilder {
  private readonly setActions: string[] = [];
  private readonly removeActions: string[] = [];
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, AttributeValue> = {};
  private nameCount = 0;
  private valueCount = 0;

  addMembers(members: Record<string, unknown>, parentPath: string | null): void {
    for (const [attribute, change] of Object.entries(members)) {
      if (change !== undefined) {
        this.addChange(parentPath === null ? this.name(attribute) : `${parentPath}.${this.name(attribute)}`, change);
      }
    }
  }

  build(): DynamoDBExpression {
    const clauses: string[] = [];
    if (this.setActions.length > 0) {
      clauses.push(`SET ${this.setActions.join(', ')}`);
    }
    if (this.removeActions.length > 0) {
      clauses.push(`REMOVE ${this.removeActions.join(', ')}`);
    }
    return { expression: clauses.join(' '), expressionNames: this.names, expressionValues: this.values };
  }

  private name(attribute: string): string {
    this.nameCount += 1;
    const placeholder = `#expName_${this.nameCount}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  private value(value: unknown): string {
    this.valueCount += 1;
    const placeholder = `:expValue_${this.valueCount}`;
    this.values[placeholder] = toDynamoDB(value) ?? { NULL: null };
    return placeholder;
  }

  private addChange(path: string, change: unknown): void {
    const operation = asOperation(change);
    if (operation) {
      this.addOperation(path, operation);
    } else if (isListItemUpdates(change)) {
      for (const item of change) {
        this.addOperation(path, item);
      }
    } else if (isPlainObject(change)) {
      this.addMembers(change, path);
    } else {
      this.setActions.push(`${path} = ${this.value(change)}`);
    }
  }

  private addOperation(path: string, operation: UpdateOperation): void {
    switch (operation.type) {
      case 'OPERATION_REMOVE':
        this.removeActions.push(path);
        return;
      case 'OPERATION_ADD':
      case 'OPERATION_REPLACE':
        this.setActions.push(`${path} = ${this.value(operation.value)}`);
        return;
      case 'OPERATION_INCREMENT':
        this.setActions.push(`${path} = ${path} + ${this.value(operation.by)}`);
        return;
      case 'OPERATION_DECREMENT':
        this.setActions.push(`${path} = ${path} - ${this.value(operation.by)}`);
        return;
      case 'OPERATION_APPEND':
        this.setActions.push(`${path} = list_append(${path}, ${this.value(operation.items)})`);
        return;
      case 'OPERATION_PREPEND':
        this.setActions.push(`${path} = list_append(${this.value(operation.items)}, ${path})`);
        return;
      case 'OPERATION_UPDATE_LIST_ITEM':
        this.setActions.push(`${path}[${operation.index}] = ${this.value(operation.value)}`);
        return;
    }
  }
}

export function buildUpdateExpression(update: Record<string, unknown>): DynamoDBExpression {
  const builder = new UpdateExpressionBuilder();
  builder.addMembers(update, null);
  return builder.build();
}
