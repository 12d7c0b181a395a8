import type { StringFormat } from './scalar-behaviour.ts';

// AWSURL: any scheme, local URLs included (`http://localhost/`). A URL without
// a scheme (`www.example.com`) is invalid, and so is one with two consecutive
// slashes in its path.
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function isURL(value: string): boolean {
  if (!SCHEME.test(value) || !URL.canParse(value)) {
    return false;
  }
  return !new URL(value).pathname.includes('//');
}

export const urlFormat: StringFormat = {
  name: 'AWSURL',
  expectation: 'a URL with a scheme, such as https://example.com/path',
  isValid: isURL,
};
