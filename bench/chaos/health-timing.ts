import { setTimeout as sleep } from 'node:timers/promises';
import { graphql } from './chaos-client.ts';
import { type SupervisedDynamoDBLocal } from 'appsync-local';

// How long `health` takes to notice a database that froze or died, and to
// report OK once it is back: health is asked back to back, each answer timed
// from the moment of the fault.

const HEALTH = '{ health { status } }';
const GIVE_UP_MS = 60_000;

async function secondsUntil(url: string, headers: Record<string, string>, status: string, since: number) {
  while (Date.now() - since < GIVE_UP_MS) {
    const answer = await graphql(url, headers, HEALTH);
    if (answer.body?.data?.health?.status === status) {
      return (Date.now() - since) / 1000;
    }
    await sleep(100);
  }
  return Number.POSITIVE_INFINITY;
}

export interface HealthTimings {
  frozenToDegradedSeconds: number;
  thawedToOkSeconds: number;
  killedToDegradedSeconds: number;
  killedToOkSeconds: number;
}

export async function healthTimings(
  url: string,
  headers: Record<string, string>,
  database: SupervisedDynamoDBLocal,
): Promise<HealthTimings> {
  process.kill(database.pid(), 'SIGSTOP');
  const frozenAt = Date.now();
  const frozenToDegradedSeconds = await secondsUntil(url, headers, 'DEGRADED', frozenAt);
  process.kill(database.pid(), 'SIGCONT');
  const thawedToOkSeconds = await secondsUntil(url, headers, 'OK', Date.now());
  const killedAt = Date.now();
  process.kill(database.pid(), 'SIGKILL');
  const killedToDegradedSeconds = await secondsUntil(url, headers, 'DEGRADED', killedAt);
  const killedToOkSeconds = await secondsUntil(url, headers, 'OK', killedAt);
  return { frozenToDegradedSeconds, thawedToOkSeconds, killedToDegradedSeconds, killedToOkSeconds };
}
