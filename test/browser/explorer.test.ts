import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumExecutable } from '../support/chromium';
import { CREATE_EVENT, eventInput } from '../support/event-operations';
import { startLocalApi, type LocalApi } from '../support/local-api';
import { until } from '../support/subscription-clients';
import { CREATE_FOR_SUBSCRIBERS, UPDATE_FOR_SUBSCRIBERS } from '../support/subscription-operations';

// The explorer as a developer uses it: a real (headless) Chromium opens the
// page the local API serves, runs the default listEvents query and sees the
// event just created. The page must work offline: every request it makes
// stays on 127.0.0.1, and anything else would be blocked and fail the test.

let api: LocalApi;
let browser: Browser;

beforeAll(async () => {
  api = await startLocalApi();
  // playwright-core never downloads a browser: see chromiumExecutable
  browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('the explorer', () => {
  it('lists a newly created event, loading everything from 127.0.0.1', async () => {
    const title = `Explorer check ${Date.now()}`;
    // published: the explorer calls with the API key, which sees published events only
    const created = await api.request(CREATE_EVENT, { input: eventInput({ title, status: 'PUBLISHED' }) });
    expect(created.errors).toBeUndefined();

    const context = await browser.newContext();
    const requested: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      requested.push(url.href);
      return url.hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${api.origin}/`);
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      (expected) => document.querySelector('.graphiql-response')?.textContent?.includes(expected) ?? false,
      title,
      { timeout: 20_000 },
    );
    const result = await page.locator('.graphiql-response').textContent();
    expect(result).toContain('listEvents');
    expect(result).not.toContain('errors');
    expect(pageErrors).toEqual([]);

    const offHost = requested.filter((href) => new URL(href).hostname !== '127.0.0.1');
    expect(offHost).toEqual([]);
    expect(requested.some((href) => href.endsWith('/explorer/graphiql.min.js'))).toBe(true);
    expect(requested.some((href) => href.endsWith('/graphql'))).toBe(true);
    await context.close();
  }, 60_000);
});

describe('the explorer with subscriptions', () => {
  it('runs onEventChanged over the real-time endpoint and shows a change made by another client', async () => {
    const created = await api.request(CREATE_FOR_SUBSCRIBERS, { input: eventInput({ title: 'Before', status: 'PUBLISHED' }) });
    const eventId = created.data!.createEvent.eventId;
    const context = await browser.newContext();
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    // what a developer types into the editor, as GraphiQL keeps it in localStorage
    const subscription = `subscription { onEventChanged(eventId: "${eventId}") { eventId title } }`;
    await context.addInitScript((query) => window.localStorage.setItem('graphiql:query', query), subscription);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${api.origin}/`);
    await page.locator('.graphiql-execute-button').click();
    await until(() => api.realtimeStats().subscriptions === 1, () => 'the explorer did not start the subscription', 20_000);

    const title = `Live in the explorer ${Date.now()}`;
    const updated = await api.request(UPDATE_FOR_SUBSCRIBERS, { eventId, input: { title } });
    expect(updated.errors).toBeUndefined();
    await page.waitForFunction(
      (expected) => document.querySelector('.graphiql-response')?.textContent?.includes(expected) ?? false,
      title,
      { timeout: 20_000 },
    );
    expect(await page.locator('.graphiql-response').textContent()).toContain('onEventChanged');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});

