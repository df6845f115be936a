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
  const el = e?.target as Element | undefined;
  if (el === ours) return;
  modal = document.querySelector('dialog:modal');
  const parent = ours?.parentElement;
  // Raised into a dialog that has closed: back to the document, or it would not render.
  if (parent && parent !== document.documentElement && !parent.matches(':modal')) {
    document.documentElement.append(ours!);
    show(ours!);
  }
  for (const fn of listeners) fn((e as ToggleEvent | undefined)?.newState === 'open' ? el! : null);
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

/** The app's open modal dialog, or null. */
export const appModal = () => modal;

/** Shows the widget (the host of `el`) above `over`, inside it when it is a modal: outside, it would be inert. */
export function raiseOver(el: Element, over: Element): void {
  ours = (el.getRootNode() as ShadowRoot).host as HTMLElement;
  if (over.matches(':modal')) over.append(ours);
  show(ours);
}
