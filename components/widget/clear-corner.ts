type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** The app's primary actions: submit buttons, and controls styled as primary or as a call to action. */
const PRIMARY = '[type=submit],form button:not([type]),[class*=primary i],[class*=cta i]';

const meets = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The launcher corner (the theme's first, then the others) where the open panel covers none of
 * the app's primary actions in view; the theme's when every corner covers one.
 */
export function clearCorner(box: HTMLElement, panel: HTMLElement, first: Corner): Corner {
  const view = new DOMRect(0, 0, innerWidth, innerHeight);
  const actions = [...document.querySelectorAll(PRIMARY)].map((el) => el.getBoundingClientRect()).filter((r) => r.width && meets(r, view));
  let pick = first;
  for (const c of actions.length ? [first, 'bottom-right', 'bottom-left', 'top-right', 'top-left'] : []) {
    box.className = `checklist ${c}`;
    const r = panel.getBoundingClientRect();
    if (!actions.some((a) => meets(a, r))) {
      pick = c as Corner;
      break;
    }
  }
  box.className = `checklist ${pick}`;
  return pick;
}
