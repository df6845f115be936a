import { type Locator, type Page, selectors } from 'playwright-core';

/**
 * The widget lives in a closed shadow root under a host with a random name: the page can reach
 * neither. Tests reach it over CDP, which no page has: DOM.getDocument with pierce lists closed
 * roots, and the root is handed to a selector engine in the page's main world under a global
 * only the test sets. Nothing in the extension helps (no test build, no flag a page could set).
 */
const ENGINE = 'uptake-widget';
const engine = () => {
  const root = () => {
    const r = (globalThis as { __uptakeTestRoot?: ShadowRoot }).__uptakeTestRoot;
    return r?.host.isConnected ? r : null;
  };
  return {
    query(_scope: Node, selector: string): Element | null {
      const r = root();
      return r ? (selector === ':host' ? r.host : r.querySelector(selector)) : null;
    },
    queryAll(_scope: Node, selector: string): Element[] {
      const r = root();
      return r ? (selector === ':host' ? [r.host] : [...r.querySelectorAll(selector)]) : [];
    },
  };
};
let registered: Promise<void> | null = null;
/** Once per process, before the first page uses `widget()` (tests: widget-helpers.ts does it on import). */
export function registerWidgetEngine(): Promise<void> {
  registered ??= selectors.register(ENGINE, engine).catch((error: unknown) => {
    if (!String(error).includes('already registered')) throw error;
  });
  return registered;
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const tracked = new WeakSet<Page>();
/** Keeps the page's current widget root handed to the engine, across navigations and remounts. */
function track(page: Page): void {
  if (tracked.has(page)) return;
  tracked.add(page);
  void (async () => {
    const cdp = await page.context().newCDPSession(page);
    let stashed = -1;
    while (!page.isClosed()) {
      try {
        const { root } = (await cdp.send('DOM.getDocument', { depth: 2, pierce: true })) as { root: CdpNode };
        const html = root.children?.find((n) => n.nodeName === 'HTML');
        for (const el of html?.children ?? []) {
          const sr = el.shadowRoots?.[0];
          if (!sr || sr.backendNodeId === stashed) continue;
          const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: sr.nodeId, selector: '.root' });
          if (!nodeId) continue;
          const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: sr.backendNodeId });
          await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { globalThis.__uptakeTestRoot = this; }' });
          stashed = sr.backendNodeId;
        }
      } catch (error) {
        if (page.isClosed() || /closed|detached/i.test(String(error))) return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
}

/** Everything the widget renders (its root element inside the shadow root). */
export const widget = (page: Page): Locator => {
  track(page);
  return page.locator(`${ENGINE}=.root`);
};

/** The widget's host element, as the page sees it (it cannot see inside). */
export const widgetHost = (page: Page): Locator => {
  track(page);
  return page.locator(`${ENGINE}=:host`);
};

/**
 * For axe and focus checks that walk `shadowRoot` from the page's main world: gives the host's
 * main-world wrapper a `shadowRoot` own property (the test's, not the page's). Returns the
 * host's tag name.
 */
export async function exposeWidgetRoot(page: Page): Promise<string> {
  const host = widgetHost(page);
  await host.waitFor({ state: 'attached' });
  return host.evaluate((el) => {
    const root = (globalThis as { __uptakeTestRoot?: ShadowRoot }).__uptakeTestRoot;
    if (el.shadowRoot !== root) Object.defineProperty(el, 'shadowRoot', { configurable: true, get: () => root });
    return el.localName;
  });
}
