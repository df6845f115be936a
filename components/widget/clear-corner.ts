type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** The app's primary actions: submit buttons, and controls styled as primary or as a call to action. */
const PRIMARY = '[type=submit],form button:not([type]),[class*=primary i],[class*=cta i]';

const meets = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The launcher corner, nearest the theme's first (same edge, then the other), where the open panel
 * covers none of the app's primary actions in view; the theme's when every corner covers one.
 */
export function clearCorner(box: HTMLElement, panel: HTMLElement, first: Corner): Corner {
  const view = new DOMRect(0, 0, innerWidth, innerHeight);
  const actions = [...document.querySelectorAll(PRIMARY)].flatMap((el) => {
    const r = el.getBoundingClientRect();
    return r.width && el.checkVisibility() && meets(r, view) ? [r] : [];
  });
  const [v, h] = first.split('-');
  const v2 = v === 'top' ? 'bottom' : 'top';
  const h2 = h === 'left' ? 'right' : 'left';
  const tries = [first, `${v}-${h2}`, `${v2}-${h}`, `${v2}-${h2}`] as Corner[];
  let pick = first;
  for (const c of actions.length ? tries : []) {
    box.className = `checklist ${c}`;
    const r = panel.getBoundingClientRect();
    if (!actions.some((a) => meets(a, r))) {
      pick = c;
      break;
    }
  }
  box.className = `checklist ${pick}`;
  return pick;
}
