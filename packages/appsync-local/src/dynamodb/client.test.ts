import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDynamoDBClient } from './client.ts';
import { sharedDynamoDBEndpoint } from './test-support.ts';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
});

describe('createDynamoDBClient', () => {
  it('signs for DynamoDB Local with placeholder credentials in us-east-1 when the environment has none', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_REGION;
    const client = createDynamoDBClient({ endpoint: await sharedDynamoDBEndpoint() });
    expect(await client.config.region()).toBe('us-east-1');
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'local', secretAccessKey: 'local' });
    expect((await client.send(new ListTablesCommand({}))).TableNames).toBeInstanceOf(Array);
  });

  it("uses the environment's credentials and an explicit region when given", async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-from-env';
    const client = createDynamoDBClient({ endpoint: await sharedDynamoDBEndpoint(), region: 'eu-central-1' });
    expect(await client.config.region()).toBe('eu-central-1');
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'AKIDEXAMPLE' });
  });

  it('spends nothing on logging calls: the SDK logger middleware is not in the stack', async () => {
    const client = createDynamoDBClient({ endpoint: await sharedDynamoDBEndpoint() });
    expect(client.middlewareStack.identify().filter((name) => name.startsWith('loggerMiddleware'))).toEqual([]);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toBeInstanceOf(Array);
  });

  it('keeps connections alive: many requests share a few sockets', async () => {
    const client = createDynamoDBClient({ endpoint: await sharedDynamoDBEndpoint() });
    const sockets = new Set<unknown>();
    client.middlewareStack.add(
      (next) => async (args) => {
        const output = await next(args);
        const response = output.response as { body?: { socket?: unknown } };
        sockets.add(response.body?.socket);
        return output;
      },
      { step: 'deserialize', name: 'recordSocket' },
    );
    for (let round = 0; round < 5; round += 1) {
      await Promise.all(Array.from({ length: 4 }, () => client.send(new ListTablesCommand({}))));
    }
    expect(sockets.has(undefined)).toBe(false);
    expect(sockets.size).toBeLessThanOrEqual(4);
  });
});
