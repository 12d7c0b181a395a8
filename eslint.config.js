// Resolvers are linted with AWS's APPSYNC_JS rules, so code the AppSync
// runtime would reject never reaches a bundle.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html#utility-resolvers
// Tests beside the resolvers run in Node under vitest (async, regular
// expressions…) and never reach AppSync, so those rules do not apply to them.
import appsync from '@aws-appsync/eslint-plugin';
import tsParser from '@typescript-eslint/parser';

// appsync-local is a package of its own: nothing in it imports the app that
// uses it, and the app uses it only by its name and declared exports, as any
// other user would. Imports that climb out of the package are found by how
// many folders deep the importing file sits.
const PACKAGE = 'packages/appsync-local';
const DEEPEST_PACKAGE_FOLDER = 6;
const SOURCE_FILES = '*.{ts,js}';

const packageBoundary = Array.from({ length: DEEPEST_PACKAGE_FOLDER + 1 }, (_, depth) => ({
  files: [`${PACKAGE}/${'*/'.repeat(depth)}${SOURCE_FILES}`],
  languageOptions: { parser: tsParser },
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./){${depth + 1},}`,
            message: 'appsync-local imports nothing outside its package; take what the app provides as an option.',
          },
        ],
      },
    ],
  },
}));

const packageUsers = {
  files: [`**/${SOURCE_FILES}`],
  ignores: [`${PACKAGE}/**`],
  languageOptions: { parser: tsParser },
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/packages/appsync-local/**', 'appsync-local/src/**'],
            message: "Import appsync-local by its name and its declared exports (its package.json's exports).",
          },
        ],
      },
    ],
  },
};

export default [
  { ignores: ['build/**', 'cdk.out/**', 'generated/**', 'docs/**'] },
  ...packageBoundary,
  packageUsers,
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
