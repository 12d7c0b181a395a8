import type { DocumentNode, GraphQLSchema } from 'graphql';

// Parsing and validating a query cost more than executing it: graphql-js sets
// up each of its validation rules for every kind of node on every call, before
// it looks at the document (for a page of listEvents, about 210 of the 360 µs
// executeOperation took). Clients send the same few query texts over and over,
// only the variables change, and validation does not read variables: a text
// that was valid against a schema and rule set stays valid. So valid documents
// are kept by text, per schema; an invalid text is parsed and validated afresh
// every time, its errors worded as before.

/** Longer texts are validated every time: the cache stays small whatever clients send. */
const MAX_CACHED_QUERY_LENGTH = 16 * 1024;
/** With the length cap, at most 4 MB of query text (and its syntax trees) per schema. */
const MAX_CACHED_DOCUMENTS = 256;

/** Which validation rules passed: introspection on and off are validated differently. */
export interface ValidationVariant {
  introspection: boolean;
}

const documentsBySchema = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();

function cacheKey(query: string, variant: ValidationVariant): string {
  return `${variant.introspection ? 'i' : '-'}${query}`;
}

/** The document `query` parsed to when it last passed validation, if it is still kept. */
export function validDocument(
  schema: GraphQLSchema,
  query: string,
  variant: ValidationVariant,
): DocumentNode | undefined {
  const documents = documentsBySchema.get(schema);
  const key = cacheKey(query, variant);
  const document = documents?.get(key);
  if (documents && document) {
    // most recently used last: the first entry is the one evicted
    documents.delete(key);
    documents.set(key, document);
  }
  return document;
}

/** Keeps a document that passed validation, dropping the least recently used past the limit. */
export function rememberValidDocument(
  schema: GraphQLSchema,
  query: string,
  variant: ValidationVariant,
  document: DocumentNode,
): void {
  if (query.length > MAX_CACHED_QUERY_LENGTH) {
    return;
  }
  let documents = documentsBySchema.get(schema);
  if (!documents) {
    documents = new Map();
    documentsBySchema.set(schema, documents);
  }
  documents.set(cacheKey(query, variant), document);
  if (documents.size > MAX_CACHED_DOCUMENTS) {
    documents.delete(documents.keys().next().value!);
  }
}
