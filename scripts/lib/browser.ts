/**
 * Launching real Chromium with the built extension, shared by the e2e tests, the
 * demo and the benchmark. Chromium comes from the system (Debian's `chromium`):
 * nothing here downloads a browser.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type Page, type Worker, chromium } from 'playwright-core';
import type { MessageOf, MessageType, Reply, Responses } from '../../lib/protocol';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried $CHROMIUM_PATH, ${CANDIDATES.join(', ')}). Install it: apt-get install -y chromium`);
  return found;
}

export interface LaunchOptions {
  headless?: boolean;
  userDataDir?: string;
}

// Each launch gets a profile of 10-15 MB: without this, every test run left some 60 of them in
// the temp directory for good.
const profiles = new Set<string>();
const removeProfile = (dir: string) => {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    profiles.delete(dir);
  } catch {
    // Still in use: the exit hook tries again.
  }
};
process.once('exit', () => {
  for (const dir of profiles) removeProfile(dir);
});

/** A fresh browser profile directory, removed when this process exits (tests that restart the browser keep one across launches). */
export async function tempProfile(prefix = 'uptake-profile-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  profiles.add(dir);
  return dir;
}

/** Chromium with the built extension loaded, in a fresh profile (removed when the browser closes) or a given one. */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<BrowserContext> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built: ${EXTENSION_DIR}/manifest.json is missing. Run "npm run build:chrome" first.`);
  }
  return launch(opts, [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]);
}

/** The same Chromium, flags and viewport with no extension: the "without Uptake" side of a comparison. */
export function launchWithoutExtension(opts: LaunchOptions = {}): Promise<BrowserContext> {
  return launch(opts, []);
}

async function launch(opts: LaunchOptions, extensionArgs: string[]): Promise<BrowserContext> {
  const userDataDir = opts.userDataDir ?? (await tempProfile());
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...extensionArgs,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  // Chromium's last helper processes still write to the profile for a moment after it closed.
  if (!opts.userDataDir) context.once('close', () => setTimeout(() => removeProfile(userDataDir), 2000).unref());
  return context;
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const [existing] = context.serviceWorkers();
  return existing ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

export async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorker(context)).url()).host;
}

/** Waits until the background has registered the capture script, so a page opened now gets it. */
export async function waitForCaptureRegistration(context: BrowserContext, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sw = await serviceWorker(context);
    const count = await sw
      .evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)
      .catch(() => 0);
    if (count > 0) return;
    if (Date.now() > deadline) throw new Error('the capture content script was never registered');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An extension page (the options page) from which to talk to the background as the UI does. */
export async function openExtensionPage(context: BrowserContext, path = 'options.html'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionId(context)}/${path}`);
  return page;
}

/** Sends a protocol message from an extension page and unwraps the reply. */
export async function ask<T extends MessageType>(extPage: Page, msg: MessageOf<T>): Promise<Responses[T]> {
  const reply = (await extPage.evaluate((m) => chrome.runtime.sendMessage(m), msg)) as Reply<T>;
  if (!reply.ok) throw new Error(`background refused ${msg.type}: ${reply.error}`);
  return reply.data;
}

/** Stops the extension's service worker the way Chrome does when it idles; the next message starts a fresh one. */
export async function stopServiceWorker(extPage: Page): Promise<void> {
  const cdp = await extPage.context().newCDPSession(extPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Polls `fn` until it returns a truthy value, or fails after `timeoutMs` with the last value seen. */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000, what = 'condition', show = (v: T) => JSON.stringify(v)?.slice(0, 500)): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${show(last)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await fn();
  }
  return last;
}
