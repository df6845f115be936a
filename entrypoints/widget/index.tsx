import { render } from 'preact';
import { brandVars } from '@/components/widget/brand';
import { Widget } from '@/components/widget/Widget';
import css from '@/components/widget/widget.css?inline';
import { widgetDirection } from '@/lib/guides/direction';
import type { CommandOutcome, WidgetCommand, WidgetHost } from '@/lib/guides/host';
import { mountHost } from './host';

/**
 * The guidance widget, loaded on demand into the capture script's isolated world
 * (see lib/background/registration.ts). Its UI lives in a closed shadow root in the top
 * layer, so page styles, z-indexes, overlays and page scripts do not reach it.
 */
export default defineUnlistedScript(() => {
  let onCommand: ((c: WidgetCommand) => CommandOutcome) | null = null;
  globalThis.__uptakeWidget ??= {
    command: (c) => onCommand?.(c) ?? 'no-widget',
    mount(host: WidgetHost) {
      const root = document.createElement('div');
      root.className = 'root';
      root.dir = widgetDirection(host.playbook.theme.dir, document, navigator.language);
      for (const [k, v] of Object.entries(brandVars(host.playbook.theme.brandColor))) root.style.setProperty(k, v);
      mountHost(host.ctx, root, css);
      render(<Widget host={host} onCommand={(fn) => (onCommand = fn)} />, root);
      host.ctx.onInvalidated(() => render(null, root));
    },
  };
});
