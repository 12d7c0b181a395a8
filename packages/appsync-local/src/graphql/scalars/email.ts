import type { StringFormat } from './scalar-behaviour.ts';

// AWSEmail: `local-part@domain-part` as RFC 822 defines an address
// ("username@example.com"). Quoted local parts and comments, which RFC 822
// also allows, are not accepted here.
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const EMAIL_PATTERN = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})*$`);

export const emailFormat: StringFormat = {
  name: 'AWSEmail',
  expectation: 'an email address such as username@example.com',
  isValid: (value) => EMAIL_PATTERN.test(value),
};
