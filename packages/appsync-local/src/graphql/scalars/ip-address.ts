import { isIPv4, isIPv6 } from 'node:net';
import type { StringFormat } from './scalar-behaviour.ts';

// AWSIPAddress: an IPv4 or IPv6 address, optionally with a subnet mask
// (`127.0.0.1` and `127.0.0.1/8` are both valid).
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html

function isPrefixLength(text: string | undefined, max: number): boolean {
  return text === undefined || (/^\d{1,3}$/.test(text) && Number(text) <= max);
}

function isIPAddress(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length > 0) {
    return false;
  }
  if (isIPv4(address)) {
    return isPrefixLength(prefix, 32);
  }
  return isIPv6(address) && isPrefixLength(prefix, 128);
}

export const ipAddressFormat: StringFormat = {
  name: 'AWSIPAddress',
  expectation: 'an IPv4 or IPv6 address, optionally with a subnet mask, such as 192.0.2.1/24',
  isValid: isIPAddress,
};
