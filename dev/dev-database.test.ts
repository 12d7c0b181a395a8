import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startDatabase, type StartDatabaseOptions } from './dev-database.ts';

// npm run dev with a DYNAMODB_ENDPOINT it cannot use stops before starting
// anything, with one line naming the setting and the fix. The message is
// built here; test/dev/npm-run-dev.test.ts sees such a line printed and the
// process exit with 1 (on a busy port).

describe('npm run dev with DYNAMODB_ENDPOINT it cannot use', () => {
  let silent: Server;
  const held = new Set<Socket>();
  beforeAll(async () => {
    // accepts connections, never answers
    silent = createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    held.forEach((socket) => socket.destroy());
    silent?.close();
  });

  const noDotEnv = '/nonexistent/.env';

  it('refuses a malformed URL', () => {
    expect(() => loadConfig({ DYNAMODB_ENDPOINT: 'localhost:8000' }, noDotEnv)).toThrow(
      /^DYNAMODB_ENDPOINT must be a URL such as http:\/\/127\.0\.0\.1:8000[^\n]*$/,
    );
  });

  // a refused connection is retried by the SDK for a few hundred milliseconds
  // before the probe reports it, so only the silent port gets a deadline
  // shorter than the 3 s npm run dev gives (the test would wait that long)
  const cases: [string, () => string, StartDatabaseOptions, RegExp][] = [
    ['a port nothing listens on', () => 'http://127.0.0.1:9', {}, /DYNAMODB_ENDPOINT is .*nothing accepts connections there/],
    [
      'a port that accepts connections and never answers',
      () => `http://127.0.0.1:${(silent.address() as { port: number }).port}`,
      { probeTimeoutMs: 200 },
      /DYNAMODB_ENDPOINT is .*it did not answer within 0\.2 s/,
    ],
  ];
  it.each(cases)('stops on %s, naming the setting and the fix in one line', async (_, endpoint, options, message) => {
    const config = loadConfig({ DYNAMODB_ENDPOINT: endpoint() }, noDotEnv);
    const refusal = await startDatabase(config, options).then(
      () => new Error('started'),
      (error: Error) => error,
    );
    expect(refusal.message).toMatch(message);
    expect(refusal.message).toContain('unset DYNAMODB_ENDPOINT to let npm run dev start DynamoDB Local');
    expect(refusal.message.split('\n')).toHaveLength(1);
  });
});
