import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Page } from 'playwright-core';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { ask, launchWithExtension, openExtensionPage, until, waitForCaptureRegistration } from '../../scripts/lib/browser';
import type { UserSummary } from '../../lib/types';

interface Fixtures {
  /** Chromium with the built extension, a fresh profile per test. */
  context: BrowserContext;
  /** The options page, kept open to talk to the background as the UI does. */
  extPage: Page;
  /** A page of the demo app, with the capture script registered. */
  app: Page;
}

export const test = base.extend<Fixtures, { demo: DemoServer }>({
  demo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const server = await startDemoServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await waitForCaptureRegistration(context);
    await use(context);
    await context.close();
  },
  extPage: async ({ context }, use) => {
    await use(await openExtensionPage(context));
  },
  // Opened after the extension page and brought to the front: a background tab gets no animation frames
  // in headless Chromium, and every real click waits for them.
  app: async ({ context, extPage: _ }, use) => {
    const page = await context.newPage();
    await page.bringToFront();
    await use(page);
  },
});

export { expect };

/** The popup's data for the demo app, as the background reports it. */
export async function summary(extPage: Page, demoUrl: string): Promise<UserSummary | null> {
  return (await ask<'ui:summary'>(extPage, { type: 'ui:summary', url: `${demoUrl}/projects` })).summary;
}

export function countsOf(s: UserSummary | null): Record<string, number> {
  return Object.fromEntries((s?.features ?? []).filter((f) => f.count > 0).map((f) => [f.id, f.count]));
}

/** Waits until the recorded counts equal `expected` exactly (features not listed must be unused). */
export function waitForCounts(extPage: Page, demoUrl: string, expected: Record<string, number>, timeoutMs = 20_000) {
  const want = JSON.stringify(Object.entries(expected).sort());
  return until(
    () => summary(extPage, demoUrl),
    (s) => JSON.stringify(Object.entries(countsOf(s)).sort()) === want,
    timeoutMs,
    `recorded counts ${want}`,
    (s) => JSON.stringify(countsOf(s)),
  );
}
