import { GetItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { buildSchema, graphql } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INDEX_BY_STATUS } from '../model/events-table.ts';
import { readAppSyncPrelude, readSchema } from '../model/schema-source.ts';

// The least a GraphQL server can do for getEvent and listEvents(status):
// graphql-js (parse, validate, execute) with resolvers calling the DynamoDB
// SDK directly, no auth, no resolver runtime. The local AppSync runtime is
// measured against it, so it answers what ours answers: the same items, and a
// nextToken whenever DynamoDB has a next page (LastEvaluatedKey as base64url
// JSON; ours seals it as AppSync does, a cost that counts against ours).

type Key = Record<string, AttributeValue>;

const encodeToken = (key: Key) => Buffer.from(JSON.stringify(key)).toString('base64url');
const decodeToken = (token: string): Key => JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));

/** One page of the status index, as a hand-written DynamoDB client would ask for it. */
export function queryStatusIndex(
  client: DynamoDBClient,
  tableName: string,
  page: { status: string; limit: number; startKey?: Record<string, AttributeValue> },
) {
  return client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: INDEX_BY_STATUS,
      KeyConditionExpression: '#status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': { S: page.status } },
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
}

function rootResolvers(client: DynamoDBClient, tableName: string) {
  return {
    async getEvent({ eventId }: { eventId: string }) {
      const result = await client.send(new GetItemCommand({ TableName: tableName, Key: { eventId: { S: eventId } } }));
      return result.Item ? unmarshall(result.Item) : null;
    },
    async listEvents({ filter, limit, nextToken }: { filter: { status: string }; limit?: number; nextToken?: string }) {
      const result = await queryStatusIndex(client, tableName, {
        status: filter.status,
        limit: limit ?? 20,
        startKey: nextToken ? decodeToken(nextToken) : undefined,
      });
      return {
        items: (result.Items ?? []).map((item) => unmarshall(item)),
        nextToken: result.LastEvaluatedKey ? encodeToken(result.LastEvaluatedKey) : null,
      };
    },
  };
}

export async function startDirectBaselineServer(client: DynamoDBClient, tableName: string) {
  const schema = buildSchema(`${readAppSyncPrelude()}\n${readSchema()}`);
  const rootValue = rootResolvers(client, tableName);
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const result = await graphql({ schema, source: query, rootValue, variableValues: variables });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
