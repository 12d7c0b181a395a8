import { dateTimeScalars } from './date-time.ts';
import { emailFormat } from './email.ts';
import { ipAddressFormat } from './ip-address.ts';
import { jsonScalar } from './json.ts';
import { phoneFormat } from './phone.ts';
import { stringScalar, type ScalarBehaviour } from './scalar-behaviour.ts';
import { timestampScalar } from './timestamp.ts';
import { urlFormat } from './url.ts';

/** The behaviour of each AppSync scalar, by name. */
export const appSyncScalars: Record<string, ScalarBehaviour> = {
  ...dateTimeScalars,
  AWSTimestamp: timestampScalar,
  AWSJSON: jsonScalar,
  AWSEmail: stringScalar(emailFormat),
  AWSURL: stringScalar(urlFormat),
  AWSPhone: stringScalar(phoneFormat),
  AWSIPAddress: stringScalar(ipAddressFormat),
};
