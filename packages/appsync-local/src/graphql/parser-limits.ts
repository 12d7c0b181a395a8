import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

// A query text's size is bounded by the body limit, but not its shape:
// graphql-js parses and validates recursively, so a list literal or a
// selection set nested a few thousand deep overflows the call stack (a
// RangeError, not a syntax error). AppSync's engine, graphql-java, refuses such
// documents before parsing them, with its ParserOptions defaults (15,000
// grammar tokens, 500 nested grammar rules), as a syntax error:
//   "More than 15000 'grammar' tokens have been presented. To prevent Denial Of
//    Service attacks, parsing has been cancelled."
// Here the text is first read with graphql-js's own lexer, which is not
// recursive, counting tokens and bracket nesting; graphql-js's parser then
// gets the same token bound (its maxTokens option).
// graphql-java counts nested grammar rules, of which each level of brackets
// takes several; this bound counts the brackets themselves, well inside both
// what graphql-java accepts and what graphql-js's recursion survives.

export const PARSER_LIMITS = {
  /** graphql-java's default maxTokens */
  maxTokens: 15_000,
  /** `{`, `[` and `(` open at once */
  maxNesting: 128,
};

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

function cancelled(what: string, position: number, source: Source): GraphQLError {
  return new GraphQLError(
    `Syntax Error: ${what}. To prevent Denial Of Service attacks, parsing has been cancelled.`,
    { source, positions: [position] },
  );
}

/**
 * The error that refuses a text past the parser's limits, or undefined. A text
 * the lexer cannot read is left to the parser, which words its syntax error.
 */
export function parserLimitError(query: string): GraphQLError | undefined {
  const source = new Source(query);
  const lexer = new Lexer(source);
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > PARSER_LIMITS.maxTokens) {
        return cancelled(`More than ${PARSER_LIMITS.maxTokens} 'grammar' tokens have been presented`, token.start, source);
      }
      if (OPENING.has(token.kind)) {
        nesting += 1;
        if (nesting > PARSER_LIMITS.maxNesting) {
          return cancelled(`More than ${PARSER_LIMITS.maxNesting} nested brackets have been entered`, token.start, source);
        }
      } else if (CLOSING.has(token.kind)) {
        nesting -= 1;
      }
    }
  } catch (error) {
    if (error instanceof GraphQLError) {
      return undefined;
    }
    throw error;
  }
  return undefined;
}
