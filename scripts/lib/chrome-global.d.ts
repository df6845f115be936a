// Code passed to `page.evaluate` on extension pages runs where `chrome` exists.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
