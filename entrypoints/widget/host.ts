import type { UptakeContext } from '@/lib/content/context';

const HOST_STYLE: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '100vw',
  height: '100vh',
  'max-width': 'none',
  'max-height': 'none',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  'pointer-events': 'none',
  opacity: '1',
  visibility: 'visible',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  'z-index': '2147483647',
};
/** Repairs (re-attach, re-show, restyle) a page may force per mount: a page fighting the widget cannot make it spin. */
const MAX_REPAIRS = 50;

/** A new valid custom-element name per mount: a page cannot define it first, or find or style it by name. */
function randomName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `x-${Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

/**
 * Puts `content` in a closed shadow root on a host appended to <html>, in the top layer. The page
 * cannot read or reach into it (no `shadowRoot`, and a host created before any page definition
 * of its name gives `attachInternals` no root either); if the page removes, hides or restyles the
 * host, it is put back, a bounded number of times. Removed when `ctx` ends.
 */
export function mountHost(ctx: UptakeContext, content: Element, css: string): void {
  const host = document.createElement(randomName());
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  shadow.append(style, content);

  // The values as the browser reads them back ('0' becomes '0px'), to tell a page's change from ours.
  const wanted = new Map<string, string>();
  const styled = () => {
    for (const [prop, value] of wanted) if (host.style.getPropertyValue(prop) !== value || host.style.getPropertyPriority(prop) !== 'important') return false;
    return true;
  };
  const intact = () => host.isConnected && host.matches(':popover-open') && host.getAttribute('popover') === 'manual' && !host.hasAttribute('hidden') && !host.hasAttribute('inert') && styled();
  const apply = () => {
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    for (const attr of ['hidden', 'inert']) host.removeAttribute(attr);
    // Inline !important beats any page rule (a `* { all: unset !important }` reset included).
    if (!styled() || wanted.size === 0) for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
    if (wanted.size === 0) for (const prop of Object.keys(HOST_STYLE)) wanted.set(prop, host.style.getPropertyValue(prop));
    if (!host.isConnected) document.documentElement.append(host);
    // The top layer sits above every z-index the page can set (a 2147483647 overlay included).
    if (!host.matches(':popover-open')) host.showPopover();
  };
  let repairs = 0;
  const check = () => {
    if (ctx.isInvalid || repairs >= MAX_REPAIRS || intact()) return;
    repairs++;
    apply();
  };
  apply();
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { childList: true });
  observer.observe(host, { attributes: true });
  ctx.addEventListener(host, 'toggle', check);
  ctx.onInvalidated(() => {
    observer.disconnect();
    host.remove();
  });
}
