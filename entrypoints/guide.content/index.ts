import { startSession } from '@/lib/content/session';
import type { UptakeContext } from '@/lib/content/context';
import { request } from '@/lib/messaging';

export default defineContentScript({
  // Registered by the background for the active playbook's origins only (no all-URLs permission).
  registration: 'runtime',
  matches: [],
  // `ctx` is Uptake's own context (lib/content/wxt-context.ts, aliased in wxt.config.ts): the page cannot end it.
  async main(ctx) {
    try {
      const { playbook } = await request<'cs:hello'>({ type: 'cs:hello', url: location.href });
      if (playbook && !ctx.isInvalid) startSession(ctx as unknown as UptakeContext, playbook);
    } catch (error) {
      // Uptake is unavailable or failed: the page carries on untouched.
      console.warn('Uptake: not running on this page', error);
    }
  },
});
