/**
 * The bench's Chromium with the extension. Under load Chromium has crashed mid-bench (seen in
 * "host overhead"), and every later browser step then failed: a step that finds the browser
 * gone gets a new one (fresh profile, extension loaded, capture registered) and goes on.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension, openExtensionPage, waitForCaptureRegistration } from './browser';

export interface BenchBrowser {
  context: BrowserContext;
  extPage: Page;
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms).unref())]);

export function benchBrowser(launch: () => Promise<BrowserContext> = launchWithExtension) {
  let current: BenchBrowser | null = null;
  let closed = false;
  let launches = 0;
  /** The browser answers: its extension page still evaluates (a dead browser or crashed page does not). */
  const alive = async () => {
    if (!current || closed) return false;
    return within(current.extPage.evaluate(() => chrome.runtime.id), 15_000).then(Boolean, () => false);
  };
  const start = async (): Promise<BenchBrowser> => {
    const context = await launch();
    closed = false;
    context.once('close', () => {
      if (current?.context === context) closed = true;
    });
    try {
      await waitForCaptureRegistration(context);
      current = { context, extPage: await openExtensionPage(context) };
    } catch (error) {
      await context.close().catch(() => {});
      throw error;
    }
    launches++;
    return current;
  };
  return {
    /** The live browser, launched again if it is gone. */
    async get(): Promise<BenchBrowser> {
      if (current && (await alive())) return current;
      await within(current?.context.close() ?? Promise.resolve(), 20_000).catch(() => {});
      current = null;
      return start();
    },
    /** After a failed step: a browser that is gone is replaced; says so, or null when it was alive (nothing to repair). */
    async recover(): Promise<string | null> {
      if (await alive()) return null;
      try {
        await this.get();
      } catch (error) {
        throw new Error(`Chromium was gone and did not start again: ${(error as Error).message}`);
      }
      return `Chromium was gone: relaunched it (launch ${launches})`;
    },
    pages: () => current?.context.pages() ?? [],
    extPage: () => current?.extPage,
    launches: () => launches,
    close: async () => {
      await current?.context.close().catch(() => {});
      current = null;
    },
  };
}

/** Crashes the browser process as a real crash would (CDP `Browser.crash`): how the relaunch is tried out. */
export async function crashBrowser(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Browser.crash').catch(() => {});
}
