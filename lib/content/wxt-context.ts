import { claimWorld, UptakeContext } from './context';

/**
 * Stands in for `wxt/utils/content-script-context` in the build (see wxt.config.ts): WXT's
 * content-script wrapper constructs this and hands it to `main`. WXT's own class talks to the
 * page (a postMessage and a CustomEvent on every start) and lets the page end it.
 */
export class ContentScriptContext extends UptakeContext {
  constructor() {
    super();
    claimWorld(this);
  }
}
