// When the API key expires. AppSync accepts an expiry from 1 to 365 days after
// the key is created or updated, rounded down to the hour
// (https://docs.aws.amazon.com/appsync/latest/APIReference/API_CreateApiKey.html,
// ApiKeyValidityOutOfBoundsException). CDK's `Expiration.after()` counts from
// the moment of synth, so every synth would yield a different template; these
// helpers give an expiry that stays the same for a whole month instead.

const DAY_MS = 24 * 60 * 60 * 1000;
const MIN_DAYS = 1;
const MAX_DAYS = 365;

/**
 * 365 days after the first day of `now`'s UTC month: every synth within a
 * month gives the same template, and the first deploy of a new month renews
 * the key for about another year (CloudFormation updates the expiry in place;
 * the key's value stays). A stack not deployed for 11 months keeps working
 * until the key runs out.
 */
export function rollingApiKeyExpiry(now: Date): Date {
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return new Date(monthStart + MAX_DAYS * DAY_MS);
}

/** Why AppSync would refuse this expiry if the stack were deployed at `now`, or undefined if it would accept it. */
export function apiKeyExpiryProblem(expiresAt: Date, now: Date): string | undefined {
  if (Number.isNaN(expiresAt.getTime())) {
    return 'the API key expiry is not a valid date';
  }
  const days = (expiresAt.getTime() - now.getTime()) / DAY_MS;
  if (days < MIN_DAYS || days > MAX_DAYS) {
    return (
      `the API key expiry ${expiresAt.toISOString()} is ${days.toFixed(1)} days from now; ` +
      `AppSync accepts ${MIN_DAYS} to ${MAX_DAYS} days, so pick a date in that range or leave it unset for the rolling default`
    );
  }
  return undefined;
}
