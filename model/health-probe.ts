// How long the health probe's read may take before `health` says DEGRADED.
// DynamoDB answers a GetItem in milliseconds; a database that needs seconds is
// not healthy, whether or not it answers in the end.
// - The resolver reports DEGRADED for a slower answer, in the cloud as
//   locally (an APPSYNC_JS resolver cannot cut its data-source call short).
// - The local server gives the probe this long, so that `health` answers
//   within it when DynamoDB Local does not answer at all.
// - In the cloud, AppSync bounds the call only by its 30 s request limit, so a
//   monitor gives its health request its own timeout (a few seconds) and
//   treats a timeout like DEGRADED.
export const HEALTH_PROBE_BUDGET_MS = 2_000;
