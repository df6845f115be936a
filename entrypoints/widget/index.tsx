import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { brandVars } from '@/components/widget/brand';
import { Widget } from '@/components/widget/Widget';
import css from '@/components/widget/widget.css?inline';
import { widgetDirection } from '@/lib/guides/direction';
import type { WidgetHost } from '@/lib/guides/host';

/**
 * The guidance widget, loaded on demand into the capture script's isolated world
 * (see lib/background/registration.ts). Its UI lives in a shadow root in the top
 * layer, so page styles, z-indexes and overlays do not reach it.
 */
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

export default defineUnlistedScript(() => {
  globalThis.__uptakeWidget ??= {
    mount(host: WidgetHost) {
      void createShadowRootUi(host.ctx, {
        name: 'uptake-widget',
        position: 'inline',
        anchor: 'html',
        append: 'last',
        css,
        onMount(container, _shadow, shadowHost) {
          shadowHost.setAttribute('popover', 'manual');
          // Inline !important beats any page rule (a `* { all: unset !important }` reset included).
          for (const [prop, value] of Object.entries(HOST_STYLE)) shadowHost.style.setProperty(prop, value, 'important');
          // The top layer sits above every z-index the page can set (a 2147483647 overlay included).
          (shadowHost as HTMLElement & { showPopover?: () => void }).showPopover?.();
          const root = document.createElement('div');
          root.className = 'root';
          root.dir = widgetDirection(host.playbook.theme.dir, document, navigator.language);
          for (const [k, v] of Object.entries(brandVars(host.playbook.theme.brandColor))) root.style.setProperty(k, v);
          container.append(root);
          render(<Widget host={host} />, root);
          return root;
        },
        onRemove(root) {
          if (root) render(null, root);
        },
      }).then((ui) => ui.mount());
    },
  };
});
