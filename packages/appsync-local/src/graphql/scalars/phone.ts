import type { StringFormat } from './scalar-behaviour.ts';

// AWSPhone: digit groups separated by single spaces or hyphens, with an
// optional `+` country code. A number without a country code is read as a
// North American Numbering Plan number (area code and exchange start with
// 2 to 9, 10 digits, or 11 with a leading 1).
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html

const GROUPED_DIGITS = /^\+?\d+(?:[ -]\d+)*$/;
const NANP = /^1?[2-9]\d{2}[2-9]\d{6}$/;

function isPhone(value: string): boolean {
  if (!GROUPED_DIGITS.test(value)) {
    return false;
  }
  const digits = value.replace(/\D/g, '');
  // E.164 allows at most 15 digits including the country code
  return value.startsWith('+') ? digits.length >= 7 && digits.length <= 15 : NANP.test(digits);
}

export const phoneFormat: StringFormat = {
  name: 'AWSPhone',
  expectation: 'a phone number such as +1 206-555-0100 or 206 555 0100',
  isValid: isPhone,
};
