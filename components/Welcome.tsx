import { ClockBanner } from './ClockBanner';

const consoleUrl = (hash: string) => `${browser.runtime.getURL('/options.html')}#${hash}`;

/** Opened once, on install: what Uptake does, what it keeps and never collects, and how to load a playbook. */
export function Welcome() {
  return (
    <main class="welcome">
      <header>
        <img src="/icon/128.png" alt="" width={64} height={64} />
        <div>
          <h1>Welcome to Uptake</h1>
          <p class="muted">Onboarding guidance and adoption scores inside the web apps you already use.</p>
        </div>
      </header>
      <ClockBanner />
      <section aria-labelledby="what-h" class="card">
        <h2 id="what-h">What Uptake does</h2>
        <ul>
          <li>Shows a <strong>Getting started</strong> checklist, step-by-step tours and tips inside the app a playbook describes.</li>
          <li>Notices which of the app's features you use and which milestones you reach, and scores how far you have come (0–100).</li>
          <li>Shows your progress and the next step in its toolbar popup; you can share it with your customer-success manager as a file.</li>
        </ul>
      </section>
      <section aria-labelledby="store-h" class="card">
        <h2 id="store-h">What it stores, and what it never collects</h2>
        <p>
          Everything stays in this browser, in Uptake's own storage: which features you used and when, the milestones you reached, usage meters the app shows
          (such as "8 of 10 seats"), your daily score, and your progress through tours.
        </p>
        <p>
          Uptake <strong>never</strong> records the text you type, page contents, passwords, or the pages of sites no playbook names, and it sends nothing to Uptake or any other
          server. A file leaves the browser only when you export one. You can pause capture or delete everything in{' '}
          <a href={consoleUrl('settings')}>Settings</a>.
        </p>
      </section>
      <section aria-labelledby="playbook-h" class="card">
        <h2 id="playbook-h">Load a playbook</h2>
        <p>
          A playbook is one JSON file that names an app's pages, its features and milestones, and the tours to show. Uptake starts with the playbook of its
          demo app, Tasklane.
        </p>
        <ol>
          <li>
            Open the <a href={consoleUrl('playbook')}>Playbook</a> section of Uptake's console.
          </li>
          <li>Choose your app's playbook file (or paste it) and select "Save playbook". Errors are listed with where to fix them.</li>
          <li>Allow Uptake on the app's site when the browser asks, then open the app: the checklist appears in a corner.</li>
        </ol>
        <p>
          <a class="button-like" href={consoleUrl('playbook')}>
            Open the console
          </a>
        </p>
      </section>
    </main>
  );
}
