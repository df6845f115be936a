/**
 * Uptake's content-script context: timers and listeners that end with it. Unlike WXT's
 * ContentScriptContext it never talks to the page (WXT posts "content script started" into
 * the page and stops itself when the page dispatches that event back: a kill switch for
 * any page). Only the extension ends it: the extension context invalidated (update,
 * reload, uninstall), a newer Uptake script in this isolated world, or its parent ending.
 */
export class UptakeContext {
  readonly #ac = new AbortController();

  constructor(parent?: UptakeContext) {
    parent?.onInvalidated(() => this.invalidate());
  }

  get signal(): AbortSignal {
    return this.#ac.signal;
  }

  get isInvalid(): boolean {
    // A content script outliving its extension loses runtime.id: nothing it sends arrives any more.
    if (!this.#ac.signal.aborted && browser.runtime?.id == null) this.invalidate();
    return this.#ac.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  invalidate(): void {
    this.#ac.abort();
  }

  /** Returns a function removing the listener. */
  onInvalidated(fn: () => void): () => void {
    if (this.#ac.signal.aborted) {
      fn();
      return () => undefined;
    }
    this.#ac.signal.addEventListener('abort', fn, { once: true });
    return () => this.#ac.signal.removeEventListener('abort', fn);
  }

  addEventListener(target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions): void {
    target.addEventListener(type, fn, { ...opts, signal: this.#ac.signal });
  }

  /** Cleared if the context ends first; its invalidation listener goes once it has run (tabs stay open all day). */
  setTimeout(fn: () => void, ms: number): number {
    let off: () => void = () => undefined;
    // Number(): a plain id in the browser, and in Node (unit tests) the id behind its Timeout object.
    const id = Number(
      setTimeout(() => {
        off();
        if (this.isValid) fn();
      }, ms),
    );
    off = this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(fn: () => void, ms: number): number {
    const id = Number(
      setInterval(() => {
        if (this.isValid) fn();
      }, ms),
    );
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  requestAnimationFrame(fn: (t: number) => void): number {
    let off: () => void = () => undefined;
    const id = requestAnimationFrame((t) => {
      off();
      if (this.isValid) fn(t);
    });
    off = this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }
}

declare global {
  // This isolated world's current session; the page cannot see or reach it.
  var __uptakeContext: UptakeContext | undefined;
}

/**
 * The context of a content script starting in this isolated world. A second Uptake script
 * (the extension re-injected or updated) ends the one before it here, through the world's own
 * globals, which the page cannot reach, and loads a fresh widget.
 */
export function claimWorld(ctx: UptakeContext): UptakeContext {
  if (globalThis.__uptakeContext) {
    globalThis.__uptakeContext.invalidate();
    globalThis.__uptakeWidget = undefined;
  }
  globalThis.__uptakeContext = ctx;
  return ctx;
}
