import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pickApi } from './pick-api.ts';

// A public app `appsync-local serve` must refuse, naming what it does not
// emulate and where (test-fixtures/public/appsync-graphql-eventbridge/SOURCE.md).

const EVENTBRIDGE_APP = fileURLToPath(new URL('../test-fixtures/public/appsync-graphql-eventbridge', import.meta.url));

describe('a public app with a VTL resolver', () => {
  it('is refused, with the resolver named', () => {
    const api = pickApi(EVENTBRIDGE_APP);
    expect(api.name).toBe('AppSync2EventBridge-API');
    expect(api.unsupported).toContain('resolver Mutation.putEvent (PutEventMutationResolver): VTL mapping templates are not emulated');
  });
});
