import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { knownResolverCount } from './known-resolver-count.ts';

const schema = buildSchema(`
  type Post { id: ID!, author: Author }
  type Author { name: String }
  type Query { post(id: ID): Post, posts: [Post], version: String }
  type Mutation { addPost: Post }
`);
const wired = new Set(['Query.post', 'Query.posts', 'Mutation.addPost', 'Post.author']);
const hasResolver = (typeName: string, fieldName: string) => wired.has(`${typeName}.${fieldName}`);
const count = (query: string, operationName?: string) =>
  knownResolverCount(schema, parse(query), operationName, hasResolver);

describe('knownResolverCount', () => {
  it('counts each aliased root field with a resolver once, and none without one', () => {
    expect(count('mutation { a: addPost { id } b: addPost { id } c: addPost { id } }')).toBe(3);
    expect(count('{ post(id: "1") { id } version }')).toBe(1);
  });

  it('counts a response key once, as execution merges its fields', () => {
    expect(count('{ post { id } post { id } }')).toBe(1);
  });

  it('follows fragments at the root, each once', () => {
    expect(count('{ ...F ... on Query { b: post { id } } ...F } fragment F on Query { a: post { id } }')).toBe(2);
  });

  it('counts nothing below the root, where parents and lists decide at run time', () => {
    expect(count('{ posts { author { name } } p: post { author { name } } }')).toBe(2);
  });

  it('leaves out fields and fragments under @skip or @include', () => {
    expect(
      count('query($no: Boolean!) { a: post @skip(if: $no) { id } ... @include(if: $no) { b: post { id } } c: post { id } }'),
    ).toBe(1);
  });

  it('counts the named operation only', () => {
    const document = 'query One { post { id } } query Two { a: post { id } b: post { id } }';
    expect(count(document, 'Two')).toBe(2);
    expect(count(document, 'Three')).toBe(0);
  });
});
