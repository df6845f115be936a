/**
 * Renders public/icon/uptake.svg to the PNG sizes the manifest names, in headless
 * Chromium (no image library needed). Run after changing the SVG: `npx jiti scripts/make-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './lib/browser';

const dir = resolve(import.meta.dirname, '../public/icon');
const svg = readFileSync(`${dir}/uptake.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `${dir}/${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons written to ${dir}`);
