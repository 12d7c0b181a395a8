import { describe, expect, it } from 'vitest';
import { buildAppSyncSchema } from './build-schema.ts';

// Schemas as AppSync deploys them: directives it does not declare are
// ignored (see build-schema.ts for the deployed apps that rely on it), its
// own directives are checked.

function directivesOf(sdl: string, typeName: string, fieldName?: string): string[] {
  const type = buildAppSyncSchema(sdl).getType(typeName)!;
  const node = fieldName ? (type as { getFields(): Record<string, { astNode?: unknown }> }).getFields()[fieldName].astNode : type.astNode;
  return ((node as { directives?: { name: { value: string } }[] }).directives ?? []).map((directive) => directive.name.value);
}

describe('buildAppSyncSchema', () => {
  it('ignores directives nobody declares, as in aws-samples serverless-patterns appsync-dynamodb-singletable-cdk (@aws_apikey)', () => {
    const sdl = 'type Query { getParent(PK: ID!): String @aws_apikey }';
    expect(directivesOf(sdl, 'Query', 'getParent')).toEqual([]);
  });

  it("keeps AppSync's directives next to misspelt ones, as in aws-samples appsync-bedrock-sample-with-ai-agent", () => {
    const sdl = 'type Customer @aws_iam @aws_api_ke @aws_cognito_user_poolsy { id: ID! }\ntype Query { customer: Customer }';
    expect(directivesOf(sdl, 'Customer')).toEqual(['aws_iam']);
  });

  it("still checks AppSync's own directives and the schema itself", () => {
    expect(() => buildAppSyncSchema('type Query @aws_subscribe(mutations: []) { a: String }')).toThrow(
      'Directive "@aws_subscribe" may not be used on OBJECT.',
    );
    expect(() => buildAppSyncSchema('type Query { a: Missing }')).toThrow('Unknown type "Missing"');
  });
});
