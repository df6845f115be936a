/**
 * The app's top layer, as the widget must respect it. The widget's host is a popover shown once, so a
 * modal <dialog> or popover the app opens later sits above it (a modal also makes it inert). The widget
 * waits while the app shows a modal, and rises above a top-layer element only when its target is inside.
 */
type Listener = (opened: Element | null) => void;
const listeners = new Set<Listener>();
let modal: Element | null = null;
let ours: HTMLElement | null = null;

const show = (host: HTMLElement) => {
  host.hidePopover();
  host.showPopover();
};

function update(e?: Event) {
  const el = e?.target;
  if (el === ours) return;
  modal =
    Array.from(document.querySelectorAll('dialog'))
      .filter((d) => d.matches(':modal'))
      .pop() ?? null;
  // Raised into a dialog that has closed: back to the document, or it would not render.
  if (ours && ours.parentElement !== document.documentElement && !ours.parentElement?.matches(':modal')) {
    document.documentElement.append(ours);
    show(ours);
  }
  const opened = e && (e as ToggleEvent).newState === 'open' ? (el as Element) : null;
  for (const fn of listeners) fn(opened);
}

/** Calls `fn` on each change of the page's top layer, with the element that opened if one did. */
export function onTopLayer(fn: Listener): () => void {
  if (!listeners.size) {
    document.addEventListener('toggle', update, true);
    update();
  }
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
    if (!listeners.size) document.removeEventListener('toggle', update, true);
  };
}

/** The app's topmost open modal dialog, or null. */
export const appModal = () => modal;

/** Shows the widget (the host of `el`) above `over`, inside it when it is a modal: outside, it would be inert. */
export function raiseOver(el: Element, over: Element): void {
  ours = (el.getRootNode() as ShadowRoot).host as HTMLElement;
  if (over.matches(':modal')) over.append(ours);
  show(ours);
}
