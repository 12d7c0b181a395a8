// Resolvers are linted with AWS's APPSYNC_JS rules, so code the AppSync
// runtime would reject never reaches a bundle.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html#utility-resolvers
// Tests beside the resolvers run in Node under vitest (async, regular
// expressions…) and never reach AppSync, so those rules do not apply to them.
import appsync from '@aws-appsync/eslint-plugin';
import tsParser from '@typescript-eslint/parser';

export default [
  {
    files: ['resolvers/**/*.ts'],
    ignores: ['resolvers/**/*.test.ts'],
    ...appsync.configs.recommended,
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parser: tsParser,
      parserOptions: { project: './tsconfig.resolvers.json', tsconfigRootDir: import.meta.dirname },
    },
  },
];
