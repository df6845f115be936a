/** A scripted tour of every Tasklane feature with real (trusted) input, used by `npm run demo` and the e2e tests. */
import type { Page } from 'playwright-core';

async function nav(page: Page, href: string) {
  await page.click(`#main-nav a[href="${href}"]`);
  await page.waitForURL((u) => u.pathname === href);
}

export interface WalkthroughCounts {
  [feature: string]: number;
}

/** Uses each feature of the demo app; returns how many times each was really used. */
export async function walkthrough(page: Page, demoUrl: string): Promise<WalkthroughCounts> {
  await page.goto(`${demoUrl}/projects`);
  await page.waitForSelector('#project-form');

  for (const name of ['Website relaunch', 'Q3 hiring']) {
    await page.fill('#project-form input[name="name"]', name);
    await page.click('#create-project');
  }
  await page.click('#project-list li a');
  await page.waitForSelector('#task-form');
  for (const title of ['Draft brief', 'Pick a vendor', 'Kick-off meeting']) {
    await page.fill('#task-form input[name="title"]', title);
    await page.click('#add-task');
  }

  await nav(page, '/team');
  await page.fill('#invite-form input[name="email"]', 'sam@example.com');
  await page.click('#invite');
  await page.waitForFunction(() => document.querySelector('#seat-meter')?.textContent?.includes('8 of 10'));

  await nav(page, '/integrations');
  await page.click('tl-integration-card[name="Slack"] button.connect');

  await nav(page, '/reports');
  await page.click('#build-report');
  await page.waitForSelector('#report-ready', { state: 'visible' });
  await page.click('#share-report');
  await page.click('#export-csv');

  await nav(page, '/automations');
  await page.click('#save-rule');

  await page.keyboard.press('Control+k');
  await page.waitForSelector('#command-palette');
  await page.keyboard.press('Escape');

  await nav(page, '/insights');
  await page.waitForSelector('#upgrade-wall');

  return {
    'create-project': 2,
    'add-task': 3,
    'invite-teammate': 1,
    'connect-integration': 1,
    'view-reports': 1,
    'build-report': 1,
    'share-report': 1,
    'export-csv': 1,
    'automation-rule': 1,
    'command-palette': 1,
    'advanced-insights': 1,
  };
}
