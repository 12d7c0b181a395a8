import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../engine/test-support.ts';
import { startAppSyncApi, type AppSyncApi } from '../start-appsync-api.ts';
import { postGraphQL } from '../server/test-support.ts';
import type { ResolverDefinition } from '../types.ts';

// An AWS_LAMBDA data source behind real GraphQL requests, with the requests
// of "AWS AppSync JavaScript resolver function reference for Lambda":
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html

const CODE = fileURLToPath(new URL('../test-fixtures/lambda', import.meta.url));
const API_KEY = 'da2-lambda';

const SCHEMA = /* GraphQL */ `
  type Author {
    id: ID!
    name: String
    batchSize: Int
  }
  type Post {
    id: ID!
    author: Author
  }
  type Query {
    echo(text: String!): AWSJSON
    posts: [Post]
    failing(id: ID!): String
    fireAndForget: String
    badOperation: String
  }
`;

function unit(typeName: string, fieldName: string, dataSource: string, request: string, response = 'return ctx.result;') {
  return { kind: 'UNIT', typeName, fieldName, dataSource, bundle: handlers(`${typeName}.${fieldName}`, request, response) } as const;
}

const RESOLVERS: ResolverDefinition[] = [
  unit('Query', 'echo', 'echo', `return { operation: 'Invoke', payload: { field: ctx.info.fieldName, arguments: ctx.args } };`, 'return JSON.stringify(ctx.result);'),
  unit('Query', 'posts', 'NONE', `return { payload: [{ id: 'p0', authorId: 'a0' }, { id: 'p1', authorId: 'a1' }, { id: 'p2', authorId: 'a2' }] };`),
  { ...unit('Post', 'author', 'authors', `return { operation: 'BatchInvoke', payload: { authorId: ctx.source.authorId } };`), maxBatchSize: 2 },
  unit(
    'Query',
    'failing',
    'fail',
    `return { operation: 'Invoke', payload: { id: ctx.args.id } };`,
    `if (ctx.error) { util.error(ctx.error.message, ctx.error.type, null, { unhandledErrorType: ctx.error.unhandledErrorType }); } return ctx.result;`,
  ),
  unit('Query', 'fireAndForget', 'echo', `return { operation: 'Invoke', invocationType: 'Event', payload: {} };`, 'return ctx.result === null ? "not waited for" : "waited";'),
  unit('Query', 'badOperation', 'echo', `return { operation: 'Call', payload: {} };`),
];

let api: AppSyncApi;
const lambda = (name: string, handler: string) =>
  ({ type: 'AWS_LAMBDA', name, function: { functionName: name, codeDirectory: CODE, handler } }) as const;

beforeAll(async () => {
  api = await startAppSyncApi({
    schema: SCHEMA,
    resolvers: () => RESOLVERS,
    dataSources: [lambda('echo', 'index.echo'), lambda('authors', 'index.authors'), lambda('fail', 'index.fail')],
    authorization: { default: { type: 'API_KEY', apiKeys: [{ key: API_KEY }] } },
  });
});

afterAll(() => api.close());

const query = (text: string) => postGraphQL(api.url, text, { 'x-api-key': API_KEY });

describe('an AWS_LAMBDA data source', () => {
  it('invokes the function with the payload as its event, and gives its result to the response handler', async () => {
    const { body } = await query('{ echo(text: "hi") }');
    const result = JSON.parse(body.data!.echo as string);
    expect(result.event).toEqual({ field: 'echo', arguments: { text: 'hi' } });
    expect(result.functionName).toBe('echo');
  });

  it('sends the BatchInvoke requests of a list in batches of MaxBatchSize, each item getting its own result', async () => {
    const { body } = await query('{ posts { id author { id name batchSize } } }');
    expect(body).toEqual({
      data: {
        posts: [
          { id: 'p0', author: { id: 'a0', name: 'author a0', batchSize: 2 } },
          { id: 'p1', author: { id: 'a1', name: 'author a1', batchSize: 2 } },
          { id: 'p2', author: { id: 'a2', name: 'author a2', batchSize: 1 } },
        ],
      },
    });
  });

  it('hands a function error to ctx.error as Lambda:Unhandled with its message, and no stack trace', async () => {
    const { body } = await query('{ failing(id: "p-9") }');
    expect(body.errors).toEqual([
      expect.objectContaining({
        errorType: 'Lambda:Unhandled',
        message: 'no post p-9',
        errorInfo: { unhandledErrorType: 'PostNotFound' },
      }),
    ]);
    expect(JSON.stringify(body)).not.toContain('index.js');
  });

  it('does not wait for an Event invocation', async () => {
    const { body } = await query('{ fireAndForget }');
    expect(body).toEqual({ data: { fireAndForget: 'not waited for' } });
  });

  it('rejects a request whose operation is neither Invoke nor BatchInvoke', async () => {
    const { body } = await query('{ badOperation }');
    expect(body.errors).toEqual([
      expect.objectContaining({ errorType: 'MappingTemplate', message: "Unsupported operation 'Call' for a Lambda data source" }),
    ]);
  });
});
